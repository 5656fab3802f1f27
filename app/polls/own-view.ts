import { asAttachment, type AdaptiveCard, type CardAttachment } from '../../cards/render';
import { REFRESH_USERS_MAX, withUserRefresh } from '../../cards/user-refresh';
import type { CardNotice } from '../../cards/item-card';
import { VERBS } from '../../core/card-actions';
import { optionsOf, type Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import type { Storage } from '../../storage/open-storage';
import type { RoleGrant } from '../../storage/role-repository';
import type { Tally } from '../../core/tally';
import { renderItemCard, type ItemCardOptions } from './item-view';
import type { PollsPorts } from './ports';
import { mayPostAmong } from './post-permission';

/** an AAD object id as Teams' refresh list takes it (not a campaign's `campaign:<id>` as creator). */
const AAD_ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * whom Teams refreshes an item's shared card for automatically in a channel of more than 60 members: the person who
 * posted it and the team's leaders (their own view carries "Schließen"), at most 60, as `8:orgid:<AAD object id>`.
 * Deliberately nobody chosen by their answers: the list travels in the card to every member's client, so a list of
 * (recent) voters would tell everyone who answered. Everyone else gets the same view by the card's manual refresh,
 * and in channels of up to 60 members Teams refreshes for all.
 */
export async function refreshAudience(storage: Pick<Storage, 'roles'>, item: Item): Promise<string[]> {
  return audienceOf(item, await storage.roles.leadersOfRecently(item.teamId));
}

function audienceOf(item: Item, leaders: readonly RoleGrant[]): string[] {
  const ids = [item.createdBy, ...leaders.map((g) => g.personId)].filter((id) => AAD_ID.test(id));
  return [...new Set(ids)].slice(0, REFRESH_USERS_MAX).map((id) => `8:orgid:${id}`);
}

/** a card of the item that asks Teams for each viewer's own view (the refresh verb) whenever it is shown. */
export function withItemRefresh(card: CardAttachment, item: Item, userIds: readonly string[]): CardAttachment {
  const refreshed = withUserRefresh(
    card.content as AdaptiveCard,
    { verb: VERBS.refresh, data: { itemId: item.id } },
    userIds,
  );
  if (userIds.length > 0) return asAttachment(refreshed);
  // nobody to name: no list at all, so Teams still refreshes for everyone in a channel of up to 60 members.
  const { userIds: _none, ...action } = refreshed.refresh as { userIds: string[] };
  return asAttachment({ ...refreshed, refresh: action });
}

/** the shared card of an item (posted, and every shared update): the same for everyone, with the refresh. */
export async function renderSharedItemCard(
  storage: Storage,
  item: Item,
  options: ItemCardOptions,
): Promise<CardAttachment> {
  const [card, userIds] = await Promise.all([renderItemCard(storage, item, options), refreshAudience(storage, item)]);
  return withItemRefresh(card, item, userIds);
}

type OwnViewPorts = Pick<PollsPorts, 'config' | 'isAdmin' | 'storage'>;

/** what the person answered, when the caller knows it already (a vote just cast): no read for it. */
export interface KnownAnswer {
  choices?: number[];
  tally?: Tally;
}

/**
 * a person's own view of an item card: what they answered (a named vote, preselected in a list; "Sie haben
 * abgestimmt" on an open anonymous poll; the number of their ideas on a named prompt), "Schließen" in the overflow
 * menu for those who may close it, and the refresh, so Teams keeps asking for it. `notice` replaces the answer line.
 */
export async function renderOwnItemView(
  s: OwnViewPorts,
  item: Item,
  personId: string,
  options: { locale: Locale; notice?: CardNotice; known?: KnownAnswer },
): Promise<CardAttachment> {
  const m = messages(options.locale);
  // every viewer's client asks after each shared update: a poll's result as this instance saw it in the last two
  // seconds will do (one point read instead of the partition), as for the shared update itself.
  const [own, leaders, current] = await Promise.all([
    options.known ? Promise.resolve(options.known) : s.storage.responses.ownAnswer(item, personId),
    s.storage.roles.leadersOfRecently(item.teamId),
    // an answer just given knows its tally, or (open anonymous poll) that none is shown yet: no read for it.
    item.kind === 'poll' && !options.known
      ? s.storage.responses.tallyState(item, { recent: true })
      : Promise.resolve(undefined),
  ]);
  const tally = options.known?.tally ?? current?.tally;
  const canClose = item.status === 'open' && (await mayPostAmong(s, personId, leaders));
  const labels = optionsOf(item);
  const answered = own as { choices?: number[]; answeredAnonymously?: boolean; ideas?: number };
  const line = answered.choices
    ? m.ownVote(answered.choices.map((c) => labels[c] ?? '').join(', '))
    : answered.ideas
      ? m.ownIdeas(answered.ideas)
      : answered.answeredAnonymously
        ? item.kind === 'poll'
          ? m.ownAnonymousVoted
          : m.ownAnonymousIdeas
        : undefined;
  const notice = options.notice ?? (line ? { kind: 'good' as const, text: line } : undefined);
  const card = await renderItemCard(s.storage, item, {
    locale: options.locale,
    minGroupSize: s.config.minGroupSize,
    timeZone: s.config.timeZone,
    ...(notice && { notice }),
    ...(answered.choices && { ownChoices: answered.choices }),
    ...(tally && { tally }),
    viewer: { canClose },
  });
  return withItemRefresh(card, item, audienceOf(item, leaders));
}
