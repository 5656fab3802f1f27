/**
 * texts of the digest's loop section (measures due, overdue and moved, ideas waiting for a decision) and of the
 * follow-up poll over picked ideas of a team, German first; core/messages.ts merges every area.
 */
export const digestLoopDe = {
  digestLoopTitle: 'Maßnahmen und Entscheidungen',
  digestLoopOverdue: 'Überfällig',
  digestLoopDue: 'Fällig in den nächsten 7 Tagen',
  digestLoopMoved: 'Diese Woche bewegt',
  digestLoopWaiting: (days: number) => `Warten seit mehr als ${days} Tagen auf eine Entscheidung`,
  digestLoopMeasure: (title: string, owner: string, due: string) => `${title} – ${owner} · Ziel: ${due}`,
  digestLoopOverdueMeasure: (title: string, owner: string, due: string) => `⚠ ${title} – ${owner} · Ziel war: ${due}`,
  digestLoopMovedMeasure: (title: string, status: string) => `${title} – jetzt: ${status}`,
  digestLoopMovedNote: (note: string) => `Notiz: ${note}`,
  digestLoopWaitingIdea: (text: string, days: number, status: string) => `${text} – ${status} seit ${days} Tagen`,
  digestLoopMore: (n: number) => `… und ${n} weitere`,
  // the follow-up poll over ideas of several prompts and `idee` ideas of one team
  followUpTeamTitle: 'Abstimmung über ausgewählte Ideen',
  followUpTeamIdeasLabel: 'Welche Ideen sollen zur Wahl stehen? (2 bis 10)',
  followUpTeamPicksLabel: 'Wie viele darf jede Person auswählen?',
  followUpTeamWhere: 'Die Abstimmung erscheint im Kanal „Allgemein“ des Teams.',
  followUpTeamSubmit: 'Abstimmung posten',
  errFollowUpPickIdeas: 'Bitte wählen Sie 2 bis 10 Ideen für die Abstimmung aus.',
  errFollowUpTeamMaxPicks:
    'Wie viele Ideen darf jede Person auswählen? Mindestens 1 und höchstens so viele, wie zur Wahl stehen.',
  errFollowUpIdeaGone:
    'Eine der ausgewählten Ideen gibt es nicht (mehr), gehört zu einem anderen Team oder kann noch nicht gezeigt werden.',
  errFollowUpIdeaDecided: 'Abgelehnte oder umgesetzte Ideen stehen nicht mehr zur Wahl.',
  errFollowUpIdeaPrivate:
    'Eine der Ideen stammt aus einem privaten oder geteilten Kanal: Sie kann nicht im Kanal „Allgemein“ abgestimmt werden.',
};

export const digestLoopEn: typeof digestLoopDe = {
  digestLoopTitle: 'Measures and decisions',
  digestLoopOverdue: 'Overdue',
  digestLoopDue: 'Due in the next 7 days',
  digestLoopMoved: 'Moved this week',
  digestLoopWaiting: (days) => `Waiting more than ${days} days for a decision`,
  digestLoopMeasure: (title, owner, due) => `${title} – ${owner} · target: ${due}`,
  digestLoopOverdueMeasure: (title, owner, due) => `⚠ ${title} – ${owner} · target was: ${due}`,
  digestLoopMovedMeasure: (title, status) => `${title} – now: ${status}`,
  digestLoopMovedNote: (note) => `Note: ${note}`,
  digestLoopWaitingIdea: (text, days, status) => `${text} – ${status} for ${days} days`,
  digestLoopMore: (n) => `… and ${n} more`,
  followUpTeamTitle: 'Vote on selected ideas',
  followUpTeamIdeasLabel: 'Which ideas should be on the ballot? (2 to 10)',
  followUpTeamPicksLabel: 'How many may each person pick?',
  followUpTeamWhere: 'The poll appears in the team’s General channel.',
  followUpTeamSubmit: 'Post the poll',
  errFollowUpPickIdeas: 'Please pick 2 to 10 ideas for the poll.',
  errFollowUpTeamMaxPicks: 'How many ideas may each person pick? At least 1 and at most as many as are on the ballot.',
  errFollowUpIdeaGone:
    'One of the picked ideas does not exist (any more), belongs to another team or cannot be shown yet.',
  errFollowUpIdeaDecided: 'Declined or implemented ideas are no longer up for a vote.',
  errFollowUpIdeaPrivate:
    'One of the ideas comes from a private or shared channel: it cannot be put to a vote in the General channel.',
};
