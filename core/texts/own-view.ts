/** texts of a person's own view of a poll or idea prompt card (Universal Actions refresh), German first. */
export const ownViewDe = {
  ownVote: (choice: string) => `Ihre Stimme: ${choice}`,
  ownAnonymousVoted: 'Sie haben abgestimmt. Ihre Stimme bleibt anonym.',
  ownIdeas: (n: number) => (n === 1 ? 'Sie haben 1 Idee eingereicht.' : `Sie haben ${n} Ideen eingereicht.`),
  ownAnonymousIdeas: 'Sie haben hier Ideen eingereicht. Sie bleiben anonym.',
  viewIdeasButton: 'Ideen ansehen',
  closeItemButton: 'Schließen',
  backToItemButton: 'Zurück zur Frage',
  errNotItemManager:
    'Schließen dürfen nur das Beteiligungsmanagement und die Führungskräfte des Teams, in dem die Frage gestellt wurde.',
};

export const ownViewEn: typeof ownViewDe = {
  ownVote: (choice) => `Your vote: ${choice}`,
  ownAnonymousVoted: 'You have voted. Your vote stays anonymous.',
  ownIdeas: (n) => (n === 1 ? 'You have submitted 1 idea.' : `You have submitted ${n} ideas.`),
  ownAnonymousIdeas: 'You have submitted ideas here. They stay anonymous.',
  viewIdeasButton: 'View ideas',
  closeItemButton: 'Close',
  backToItemButton: 'Back to the question',
  errNotItemManager: 'Only participation managers and the leaders of the team the question was asked in may close it.',
};
