/** texts about roles: admins granted in chat (and, later, leaders), German first. */
export const rolesDe = {
  adminGranted: (name: string) => `${name} ist jetzt Administratorin / Administrator von Mitwirken.`,
  adminAlready: (name: string) => `${name} ist bereits Administratorin / Administrator.`,
  adminPickTitle: 'Wen soll ich zur Administratorin / zum Administrator machen?',
  adminPickHint:
    'Schreiben Sie „admin hinzufügen“ und den Namen, die E-Mail-Adresse oder die ID, z. B.: admin hinzufügen anna.becker@amt.example',
  adminCandidates: (names: string) => `Passende Personen: ${names}`,
  errPersonNotFound: (query: string) => `Ich finde „${query}“ in keinem Team, in dem Mitwirken installiert ist.`,
  errPersonAmbiguous: (names: string) =>
    `Das passt auf mehrere Personen: ${names}. Bitte genauer angeben (z. B. die E-Mail-Adresse).`,
};

export const rolesEn: typeof rolesDe = {
  adminGranted: (name) => `${name} is now an admin of Mitwirken.`,
  adminAlready: (name) => `${name} is already an admin.`,
  adminPickTitle: 'Whom shall I make an admin?',
  adminPickHint: 'Write "add admin" and the name, e-mail address or id, e.g.: add admin anna.becker@amt.example',
  adminCandidates: (names) => `Matching people: ${names}`,
  errPersonNotFound: (query) => `I cannot find "${query}" in any team Mitwirken is installed in.`,
  errPersonAmbiguous: (names) =>
    `That matches several people: ${names}. Please be more specific (e.g. the e-mail address).`,
};
