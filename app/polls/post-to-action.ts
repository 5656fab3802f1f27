import { buildMessageCard } from '../../cards/message-card';
import type { PollsPorts } from './ports';
import { asAttachment } from '../../cards/render';
import { VERBS } from '../../core/card-actions';
import { targetLabel } from '../../core/installations';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { postAdhocItem } from './adhoc-post';
import { mayPostIn } from './post-permission';
import type { ActionHandler } from '../ports/turn';

/**
 * an admin (or a leader of that team) picked a team channel for an item drafted in the personal chat: post it there,
 * or hold it for the staff council.
 */
export const postToAction: ActionHandler<typeof VERBS.postTo, PollsPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  const [teamId = '', channelId = ''] = payload.target.split('|');
  const admin = await s.isAdmin(turn.personId);
  if (!admin && !(teamId && (await mayPostIn(s, teamId, turn.personId)))) return fail('errNotAdmin');
  const team = await s.storage.installations.getTeam(teamId);
  const channel = team?.active ? await s.storage.installations.getChannel(teamId, channelId) : undefined;
  if (!team || !channel?.active) return fail('errUnknownTarget');
  const outcome = await postAdhocItem(
    s,
    payload.draft,
    { team, channelId, label: targetLabel(team, channel, s.config.defaultLocale) },
    { personId: turn.personId, userName: facts.userName, locale: facts.locale },
  );
  const m = messages(facts.locale);
  const title = outcome.posted ? m.posted(targetLabel(team, channel, facts.locale)) : m.adhocHeld(outcome.notified);
  return ok(asAttachment(buildMessageCard(title, [payload.draft.question])));
};
