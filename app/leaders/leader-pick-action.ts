import { buildMessageCard } from '../../cards/message-card';
import type { LeadersPorts } from './ports';
import { asAttachment } from '../../cards/render';
import type { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { assignLeader, removeLeader, rosterOf, teamLabel } from './leader-assignment';
import type { ActionHandler } from '../ports/turn';

/**
 * the leader picker's button: an admin (checked here, from the activity) assigns the chosen person as leader of the
 * chosen team — only a member of that team's roster — or removes that person's leader grant of the team.
 */
export const leaderPickAction: ActionHandler<typeof VERBS.leaderPick, LeadersPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  if (!(await s.isAdmin(turn.personId))) return fail('errNotAdmin');
  const team = await s.storage.installations.getTeam(payload.teamId);
  if (!team?.active) return fail('errUnknownTarget');
  const actor = { id: turn.personId, name: facts.userName || undefined };
  const m = messages(facts.locale);
  if (payload.op === 'add') {
    const roster = await rosterOf(s, team);
    if (!roster) return fail('errRosterUnavailable');
    const member = roster.find((p) => p.aadObjectId === payload.memberId);
    if (!member) return fail('errPersonNotInTeam', payload.memberId, teamLabel(team));
    return ok(
      asAttachment(buildMessageCard(m.leadersTitle, [await assignLeader(s, actor, team, member, facts.locale)])),
    );
  }
  const grant = (await s.storage.roles.leadersOf(team.teamId)).find((g) => g.personId === payload.memberId);
  if (!grant) return fail('errNotLeaderOfTeam', payload.memberId, teamLabel(team));
  return ok(asAttachment(buildMessageCard(m.leadersTitle, [await removeLeader(s, actor, team, grant, facts.locale)])));
};
