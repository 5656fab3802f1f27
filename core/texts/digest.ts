/** texts of the digest area, German first; core/messages.ts merges every area into one catalogue. */
export const digestDe = {};

export const digestEn: typeof digestDe = {};
