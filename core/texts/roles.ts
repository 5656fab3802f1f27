/** texts of the roles area, German first; core/messages.ts merges every area into one catalogue. */
export const rolesDe = {};

export const rolesEn: typeof rolesDe = {};
