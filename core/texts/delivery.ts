/** texts of the delivery area, German first; core/messages.ts merges every area into one catalogue. */
export const deliveryDe = {};

export const deliveryEn: typeof deliveryDe = {};
