/** texts of `meine ideen` (a person's own named ideas and what became of them), German first; core/messages.ts merges every area. */
export const myIdeasDe = {
  cmdMyIdeas: 'meine ideen – Ihre Ideen mit Namen: Status, Maßnahme und letzte Notiz (im persönlichen Chat)',
  myIdeasTitle: 'Meine Ideen',
  myIdeasIntro: 'Alle Ideen, die Sie mit Ihrem Namen eingereicht haben, und was aus ihnen geworden ist.',
  myIdeasAnonymousNote: 'Anonyme Ideen stehen hier nicht: Sie sind ohne Namen gespeichert und niemandem zuzuordnen.',
  myIdeasNone:
    'Sie haben noch keine Idee mit Ihrem Namen eingereicht. Schreiben Sie „idee“ und Ihren Vorschlag, um eine zu senden.',
  myIdeasMeta: (team: string, date: string, status: string) => `${team} · ${date} · Status: ${status}`,
  myIdeasMeasure: (title: string, status: string, owner: string, due: string) =>
    `Maßnahme: ${title} – ${status} · verantwortlich: ${owner} · Ziel: ${due}`,
  myIdeasNote: (note: string) => `Zuletzt: ${note}`,
  myIdeasMore: (n: number) => `… und ${n} ältere ${n === 1 ? 'Idee' : 'Ideen'}.`,
  /** appended to the 1:1 notice an author gets about their idea. */
  myIdeasHint: 'Alle Ihre Ideen und was aus ihnen geworden ist: Schreiben Sie mir „meine ideen“.',
};

export const myIdeasEn: typeof myIdeasDe = {
  cmdMyIdeas: 'my ideas – your named ideas: status, measure and latest note (in the personal chat)',
  myIdeasTitle: 'My ideas',
  myIdeasIntro: 'Every idea you sent with your name, and what became of it.',
  myIdeasAnonymousNote: 'Anonymous ideas are not listed: they are stored without a name and belong to nobody.',
  myIdeasNone: 'You have not sent an idea with your name yet. Write “idea” and your suggestion to send one.',
  myIdeasMeta: (team, date, status) => `${team} · ${date} · status: ${status}`,
  myIdeasMeasure: (title, status, owner, due) => `Measure: ${title} – ${status} · owner: ${owner} · target: ${due}`,
  myIdeasNote: (note) => `Latest: ${note}`,
  myIdeasMore: (n) => `… and ${n} older ${n === 1 ? 'idea' : 'ideas'}.`,
  myIdeasHint: 'All your ideas and what became of them: write “my ideas” to me.',
};
