/** texts of the privacy area, German first; core/messages.ts merges every area into one catalogue. */
export const privacyDe = {};

export const privacyEn: typeof privacyDe = {};
