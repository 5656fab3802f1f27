/** texts of the unit roll-ups in a leader's digest (core/org/unit-rollup.ts), German first. */
export const digestUnitsDe = {
  digestUnitTitle: (name: string) => `Einheit: ${name}`,
  digestUnitTeams: (teams: number) => (teams === 1 ? '1 Team darunter' : `${teams} Teams darunter`),
  digestUnitBanded: (atLeast: string, members?: string) =>
    atLeast === '0'
      ? 'Beteiligung: nicht genau gezeigt, damit keine kleine Gruppe darunter erkennbar wird'
      : `Beteiligung: mindestens ${atLeast} Personen${members ? ` von ${members}` : ''} – nicht genauer, damit keine kleine Gruppe darunter erkennbar wird`,
  digestUnitBelow: 'Untereinheiten und Teams',
  digestUnitHidden: (n: number) =>
    n === 1
      ? '1 Einheit oder Team unter der Mindestgröße ist nicht einzeln gezeigt und zählt in den Zahlen darüber mit.'
      : `${n} Einheiten oder Teams unter der Mindestgröße sind nicht einzeln gezeigt und zählen in den Zahlen darüber mit.`,
  digestUnitIdeas: (n: number) => `Neue Ideen in dieser Woche: ${n}`,
  digestUnitIdea: (text: string, team: string, support: number) =>
    `${text} (${team}${support > 0 ? `, ${support} Unterstützung${support === 1 ? '' : 'en'}` : ''})`,
  digestUnitPolls: 'Ergebnisse der Kampagnen, über alle Teams der Einheit',
  digestUnitPollTeams: (teams: number) => (teams === 1 ? 'aus 1 Team' : `aus ${teams} Teams`),
  digestUnitPollSuppressed:
    'Ergebnis nicht gezeigt: zusammen mit den Ergebnissen darunter ließe es die Antworten einer kleinen Gruppe erkennen.',
};

export const digestUnitsEn: typeof digestUnitsDe = {
  digestUnitTitle: (name) => `Unit: ${name}`,
  digestUnitTeams: (teams) => (teams === 1 ? '1 team below' : `${teams} teams below`),
  digestUnitBanded: (atLeast, members) =>
    atLeast === '0'
      ? 'Participation: not shown exactly, so that no small group below can be told apart'
      : `Participation: at least ${atLeast} people${members ? ` of ${members}` : ''} – no more exactly, so that no small group below can be told apart`,
  digestUnitBelow: 'Sub-units and teams',
  digestUnitHidden: (n) =>
    n === 1
      ? '1 unit or team below the minimum size is not shown on its own and counts in the figures above it.'
      : `${n} units or teams below the minimum size are not shown on their own and count in the figures above them.`,
  digestUnitIdeas: (n) => `New ideas this week: ${n}`,
  digestUnitIdea: (text, team, support) => `${text} (${team}${support > 0 ? `, ${support} supporting` : ''})`,
  digestUnitPolls: 'Campaign results, over all teams of the unit',
  digestUnitPollTeams: (teams) => (teams === 1 ? 'from 1 team' : `from ${teams} teams`),
  digestUnitPollSuppressed:
    'Result not shown: together with the results below it, it would let a small group’s answers be told.',
};
