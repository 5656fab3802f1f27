/** texts of the ideas area, German first; core/messages.ts merges every area into one catalogue. */
export const ideasDe = {};

export const ideasEn: typeof ideasDe = {};
