import { createHash } from 'node:crypto';
import { buildMessageCard } from '../../cards/message-card';
import { asAttachment, type CardAttachment } from '../../cards/render';
import type { ChannelRecord, TeamRecord } from '../../core/installations';
import { targetLabel } from '../../core/installations';
import type { ItemDraft } from '../../core/items';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { publishItem } from '../polls';
import type { Turn } from '../ports/turn';
import type { IdeasPorts } from './ports';

/** the id of a follow-up poll: the same poll over the same ideas' source is posted once, however often the button is pressed. */
export function followUpItemId(sourceKey: string, draft: ItemDraft): string {
  return `followup-${createHash('sha256')
    .update(`${sourceKey}|${JSON.stringify(draft)}`)
    .digest('hex')
    .slice(0, 40)}`;
}

/** where and how a follow-up poll is posted, and what its audit entry and log line say. */
export interface FollowUpPost {
  team: TeamRecord;
  channel: Pick<ChannelRecord, 'teamId' | 'channelId' | 'name'>;
  /** what makes the poll the same poll again: the prompt's id, or `team|<team id>` for picked ideas. */
  sourceKey: string;
  /** the language the poll is posted in. */
  locale: Locale;
  audit: Record<string, string | number | boolean>;
  log: { fields: Record<string, unknown>; message: string };
}

/**
 * posts a follow-up poll once (a second press finds it posted), audits and logs the first post, and answers with the
 * card telling the person where it went.
 */
export async function postFollowUpPoll(
  turn: Turn<IdeasPorts>,
  draft: ItemDraft,
  post: FollowUpPost,
): Promise<CardAttachment> {
  const { s, facts, personId } = turn;
  const itemId = followUpItemId(post.sourceKey, draft);
  const already = (await s.storage.items.get(itemId))?.activityId !== undefined;
  const posted = await publishItem(
    s,
    draft,
    { team: post.team, channelId: post.channel.channelId },
    { aadObjectId: personId, locale: post.locale, itemId },
  );
  if (!already) {
    await s.storage.audit.record({
      actorId: personId,
      ...(facts.userName ? { actorName: facts.userName } : {}),
      action: 'idea.followUpPoll',
      target: posted.id,
      details: post.audit,
      at: s.now(),
    });
    s.log.info({ itemId: posted.id, ...post.log.fields, by: personId }, post.log.message);
  }
  const m = messages(facts.locale);
  const where = targetLabel(post.team, post.channel, facts.locale);
  return asAttachment(
    buildMessageCard(already ? m.ideaFollowUpAlready(where) : m.ideaFollowUpPosted(where), [
      posted.question,
      ...posted.options.map((o) => `• ${o}`),
    ]),
  );
}
