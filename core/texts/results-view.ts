/** texts of `ergebnisse` (results per unit, trend and comparison in the personal chat), German first. */
export const resultsViewDe = {
  cmdResultsView:
    'ergebnisse – Ergebnisse einer Kampagne oder Abfrage für die ganze Organisation und je Einheit, mit Verlauf (im persönlichen Chat; Admins: alles, Leitungen: ihre Einheiten und Teams)',
  errResultsViewNotAllowed:
    'Ergebnisse je Einheit sehen Admins und die Leitungen von Einheiten und Teams. Sie sind für keine Einheit und kein Team eingetragen.',
  errResultsViewNothing: 'Dazu gibt es in Ihrem Bereich keine geschlossenen Abfragen.',
  resultsPickerTitle: 'Ergebnisse ansehen',
  resultsPickerIntro: (min: number) =>
    `Wählen Sie eine Kampagne oder eine geschlossene Abfrage. Ergebnisse zeigen wir für jede Gruppe erst ab ${min} Teilnehmenden.`,
  resultsPickerScopeAll: 'Sie sehen die ganze Organisation.',
  resultsPickerScopePart: (names: string) => `Sie sehen: ${names}.`,
  resultsPickerCampaigns: 'Kampagnen',
  resultsPickerItems: 'Zuletzt geschlossene Abfragen',
  resultsPickerNone: 'Noch keine geschlossene Abfrage in Ihrem Bereich.',
  resultsPickerShow: 'Ergebnisse zeigen',
  resultsPickerCampaignLine: (title: string, rounds: number) =>
    rounds === 1 ? `${title} (1 Runde)` : `${title} (${rounds} Runden)`,
  resultsViewTitle: (title: string) => `Ergebnisse: ${title}`,
  resultsViewScopeAll: 'Ganze Organisation',
  resultsViewScopePart: 'Ihr Bereich',
  resultsViewRound: (day: string, teams: number) =>
    teams === 1 ? `Runde vom ${day} · 1 Team` : `Runde vom ${day} · ${teams} Teams`,
  resultsViewAnswers: (n: number) => (n === 1 ? '1 Antwort' : `${n} Antworten`),
  resultsViewParticipants: (n: number) => (n === 1 ? '1 Teilnehmende Person' : `${n} Teilnehmende`),
  resultsViewAverage: (avg: string) => `Ø ${avg}`,
  resultsViewByUnit: 'Je Einheit und Team',
  resultsViewWithheld: 'nicht ausgewiesen (Schutz kleiner Gruppen)',
  resultsViewTooFew: (min: number) =>
    `Zu wenige Antworten für ein Ergebnis: Wir zeigen Ergebnisse erst ab ${min} Teilnehmenden.`,
  resultsViewProtection: (min: number) =>
    `Einheiten und Teams mit weniger als ${min} Teilnehmenden zeigen wir nicht einzeln; sie zählen in der Einheit darüber mit. Wo sich eine kleine Gruppe aus zwei Zahlen errechnen ließe, halten wir auch eine größere zurück.`,
  resultsViewCompare: 'Einheiten im Vergleich',
  resultsViewCompareNote: (withheld: number, min: number) =>
    withheld === 0
      ? 'Reihenfolge wie im Organisationsplan, keine Rangliste.'
      : `Reihenfolge wie im Organisationsplan, keine Rangliste. ${withheld === 1 ? '1 Einheit fehlt' : `${withheld} Einheiten fehlen`} im Vergleich (unter ${min} Teilnehmenden oder zum Schutz kleiner Gruppen).`,
  resultsViewTrend: 'Verlauf über die Runden',
  resultsViewTrendAxisAverage: 'Ø Bewertung',
  resultsViewTrendAxisPercent: 'Anteil in %',
  resultsViewTrendHidden: 'zu wenige Antworten',
  resultsViewIdeaPrompt: 'Ideenabfrage: hier nur die Beteiligung; die Ideen stehen im Thread und in der Ideenliste.',
  resultsViewMore: (n: number) => (n === 1 ? '… und 1 weitere Zeile.' : `… und ${n} weitere Zeilen.`),
};

export const resultsViewEn: typeof resultsViewDe = {
  cmdResultsView:
    'results – a campaign’s or a prompt’s results for the whole organisation and per unit, with the trend (in the personal chat; admins: everything, leaders: their units and teams)',
  errResultsViewNotAllowed:
    'Results per unit are for admins and for the leaders of units and teams. You are not listed for any unit or team.',
  errResultsViewNothing: 'There are no closed prompts of this in your part of the organisation.',
  resultsPickerTitle: 'View results',
  resultsPickerIntro: (min) =>
    `Pick a campaign or a closed prompt. We show results for each group only from ${min} participants.`,
  resultsPickerScopeAll: 'You see the whole organisation.',
  resultsPickerScopePart: (names) => `You see: ${names}.`,
  resultsPickerCampaigns: 'Campaigns',
  resultsPickerItems: 'Recently closed prompts',
  resultsPickerNone: 'No closed prompt in your part of the organisation yet.',
  resultsPickerShow: 'Show results',
  resultsPickerCampaignLine: (title, rounds) => (rounds === 1 ? `${title} (1 round)` : `${title} (${rounds} rounds)`),
  resultsViewTitle: (title) => `Results: ${title}`,
  resultsViewScopeAll: 'Whole organisation',
  resultsViewScopePart: 'Your part',
  resultsViewRound: (day, teams) => (teams === 1 ? `Round of ${day} · 1 team` : `Round of ${day} · ${teams} teams`),
  resultsViewAnswers: (n) => (n === 1 ? '1 answer' : `${n} answers`),
  resultsViewParticipants: (n) => (n === 1 ? '1 participant' : `${n} participants`),
  resultsViewAverage: (avg) => `avg ${avg}`,
  resultsViewByUnit: 'Per unit and team',
  resultsViewWithheld: 'not shown (protecting small groups)',
  resultsViewTooFew: (min) => `Too few answers for a result: we show results only from ${min} participants.`,
  resultsViewProtection: (min) =>
    `Units and teams with fewer than ${min} participants are not shown on their own; they count in the unit above. Where a small group could be worked out from two figures, we hold back a larger one as well.`,
  resultsViewCompare: 'Units side by side',
  resultsViewCompareNote: (withheld, min) =>
    withheld === 0
      ? 'In the order of the organisation chart, not a ranking.'
      : `In the order of the organisation chart, not a ranking. ${withheld === 1 ? '1 unit is' : `${withheld} units are`} left out (fewer than ${min} participants, or protecting small groups).`,
  resultsViewTrend: 'Trend over the rounds',
  resultsViewTrendAxisAverage: 'avg rating',
  resultsViewTrendAxisPercent: 'share in %',
  resultsViewTrendHidden: 'too few answers',
  resultsViewIdeaPrompt: 'Idea prompt: participation only here; the ideas are in the thread and the ideas list.',
  resultsViewMore: (n) => (n === 1 ? '… and 1 more row.' : `… and ${n} more rows.`),
};
