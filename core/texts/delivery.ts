/** texts of the delivery area, German first; core/messages.ts merges every area into one catalogue. */
export const deliveryDe = {
  fanoutTitle: (campaign: string) => `Kampagne „${campaign}“ wird gepostet`,
  fanoutDoneTitle: (campaign: string) => `Kampagne „${campaign}“ ist gepostet`,
  fanoutQuestion: (question: string) => `Frage: ${question}`,
  fanoutProgress: (posted: number, total: number) => `${posted} von ${total} Kanälen gepostet`,
  fanoutRunningHint: 'Diese Karte aktualisiert sich, bis alle Kanäle erreicht sind.',
  fanoutAllReached: 'Alle Kanäle erreicht.',
  fanoutFailuresTitle: (n: number) => (n === 1 ? '1 Kanal nicht erreicht:' : `${n} Kanäle nicht erreicht:`),
  fanoutFailureGone:
    'Mitwirken ist dort nicht mehr installiert oder der Kanal existiert nicht mehr – Team als inaktiv markiert',
  fanoutFailureFailed: 'Posten fehlgeschlagen – wird beim nächsten Durchlauf erneut versucht',
  fanoutFailureSkipped: (reason: string) => `übersprungen (${reason})`,
  fanoutMoreFailures: (n: number) => `… und ${n} weitere (siehe Protokoll)`,
};

export const deliveryEn: typeof deliveryDe = {
  fanoutTitle: (campaign) => `Posting campaign “${campaign}”`,
  fanoutDoneTitle: (campaign) => `Campaign “${campaign}” is posted`,
  fanoutQuestion: (question) => `Question: ${question}`,
  fanoutProgress: (posted, total) => `Posted to ${posted} of ${total} channels`,
  fanoutRunningHint: 'This card updates itself until every channel is reached.',
  fanoutAllReached: 'Every channel reached.',
  fanoutFailuresTitle: (n) => (n === 1 ? '1 channel not reached:' : `${n} channels not reached:`),
  fanoutFailureGone: 'Mitwirken is no longer installed there or the channel no longer exists – team marked inactive',
  fanoutFailureFailed: 'posting failed – tried again on the next pass',
  fanoutFailureSkipped: (reason) => `skipped (${reason})`,
  fanoutMoreFailures: (n) => `… and ${n} more (see the log)`,
};
