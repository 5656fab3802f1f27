import type { AdaptiveCard } from './render';

/** Teams refreshes a card automatically for at most this many users. */
export const REFRESH_USERS_MAX = 60;

/**
 * adds a Universal Actions refresh to a card: Teams sends the listed users' clients an `adaptiveCard/action`
 * with this verb and shows each of them the card the bot answers (their own view); everyone else sees the card
 * as posted. `userIds` are Teams user ids (29:…), at most 60.
 */
export function withUserRefresh(
  card: AdaptiveCard,
  action: { verb: string; data: object },
  userIds: readonly string[],
): AdaptiveCard {
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: action.verb, data: action.data },
      userIds: userIds.slice(0, REFRESH_USERS_MAX),
    },
  };
}
