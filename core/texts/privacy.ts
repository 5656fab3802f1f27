/** texts of the privacy area, German first; core/messages.ts merges every area into one catalogue. */
export const privacyDe = {
  /** a second answer to the same item within a second (bot/answer-throttle.ts). */
  errSlowDown: 'Einen Moment bitte – deine letzte Antwort wird noch verarbeitet.',
};

export const privacyEn: typeof privacyDe = {
  errSlowDown: 'One moment please – your last answer is still being processed.',
};
