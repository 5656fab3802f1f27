import { buildMessageCard } from '../../cards/message-card';
import type { PollsPorts } from './ports';
import { asAttachment } from '../../cards/render';
import { VERBS } from '../../core/card-actions';
import { targetLabel } from '../../core/installations';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { publishItem } from './publish-item';
import type { ActionHandler } from '../ports/turn';
import { holdForApproval } from '../approvals';

/** the admin picked a team channel for an item drafted in the personal chat: post it there. */
export const postToAction: ActionHandler<typeof VERBS.postTo, PollsPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  if (!(await s.isAdmin(turn.personId))) return fail('errNotAdmin');
  const [teamId = '', channelId = ''] = payload.target.split('|');
  const team = await s.storage.installations.getTeam(teamId);
  const channel = team?.active ? await s.storage.installations.getChannel(teamId, channelId) : undefined;
  if (!team || !channel?.active) return fail('errUnknownTarget');
  const hold = await holdForApproval(s, {
    draft: payload.draft,
    target: { teamId, channelId, label: targetLabel(team, channel) },
    by: { aadObjectId: turn.personId, ...(facts.userName && { name: facts.userName }), locale: facts.locale },
  });
  if (hold.held)
    return ok(
      asAttachment(buildMessageCard(messages(facts.locale).adhocHeld(hold.notified), [payload.draft.question])),
    );
  const item = await publishItem(
    s,
    payload.draft,
    { team, channelId },
    { aadObjectId: turn.personId, locale: facts.locale },
  );
  await s.storage.audit.record({
    actorId: turn.personId,
    actorName: facts.userName || undefined,
    action: 'item.post',
    target: item.id,
    details: { team: team.teamId, kind: item.kind, anonymous: item.anonymous },
    at: s.now(),
  });
  const m = messages(facts.locale);
  return ok(
    asAttachment(buildMessageCard(m.posted(targetLabel(team, channel, facts.locale)), [payload.draft.question])),
  );
};
