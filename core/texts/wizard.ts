/** texts of the wizard area, German first; core/messages.ts merges every area into one catalogue. */
export const wizardDe = {};

export const wizardEn: typeof wizardDe = {};
