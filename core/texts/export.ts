/** texts of the results export (CSV download), German first; core/messages.ts merges every area. */
export const exportDe = {
  cmdExport:
    'export – Ergebnisse einer Kampagne als CSV für Excel (Beteiligungsmanagement: alle; Führungskräfte: ihre Teams)',
  exportTitle: 'Ergebnisse exportieren',
  exportIntro: (minutes: number) =>
    `Wählen Sie eine Kampagne. Sie bekommen einen Link zu einer CSV-Datei für Excel; er ist ${minutes} Minuten gültig.`,
  exportIntroLeader: 'Die Datei enthält nur die Ergebnisse der Teams, die Sie leiten.',
  exportNone: 'Es gibt noch keine Kampagne mit Posts, deren Ergebnisse Sie exportieren können.',
  exportCampaignLine: (status: string, posts: number) => `${status} · ${posts === 1 ? '1 Post' : `${posts} Posts`}`,
  exportButton: 'CSV erstellen',
  exportReadyTitle: (campaign: string) => `Export: ${campaign}`,
  exportReady: (items: number, minutes: number) =>
    `Die Datei enthält ${items === 1 ? '1 Abfrage' : `${items} Abfragen`}. Der Link ist ${minutes} Minuten gültig und nur über den Browser abrufbar.`,
  exportAnonymity: (min: number) =>
    `Anonyme Ergebnisse sind nur zusammengefasst enthalten, und keine Ergebnisse unter ${min} Antworten.`,
  exportDownload: 'CSV herunterladen',
  errExportNotAllowed:
    'Exportieren dürfen das Beteiligungsmanagement (alle Kampagnen) und Führungskräfte (Ergebnisse ihrer Teams).',
  errExportNotConfigured:
    'Der Export ist noch nicht eingerichtet: Es fehlt die öffentliche Adresse des Bots (PUBLIC_BASE_URL).',
};

export const exportEn: typeof exportDe = {
  cmdExport: 'export – a campaign’s results as CSV for Excel (participation managers: all; leaders: their teams)',
  exportTitle: 'Export results',
  exportIntro: (minutes) =>
    `Pick a campaign. You get a link to a CSV file for Excel; it is valid for ${minutes} minutes.`,
  exportIntroLeader: 'The file holds only the results of the teams you lead.',
  exportNone: 'There is no campaign with posts yet whose results you may export.',
  exportCampaignLine: (status, posts) => `${status} · ${posts === 1 ? '1 post' : `${posts} posts`}`,
  exportButton: 'Create CSV',
  exportReadyTitle: (campaign) => `Export: ${campaign}`,
  exportReady: (items, minutes) =>
    `The file holds ${items === 1 ? '1 prompt' : `${items} prompts`}. The link is valid for ${minutes} minutes and opens in your browser.`,
  exportAnonymity: (min) => `Anonymous results are included only as totals, and no results below ${min} answers.`,
  exportDownload: 'Download CSV',
  errExportNotAllowed: 'Participation managers (all campaigns) and leaders (results of their teams) may export.',
  errExportNotConfigured: 'Export is not set up yet: the bot’s public address (PUBLIC_BASE_URL) is missing.',
};
