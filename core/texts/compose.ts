/** texts of the posting form (message extension, dialog) and who may post, German first (formal address). */
export const composeDe = {
  composeTitle: 'Umfrage oder Ideenabfrage posten',
  cmdPostForm:
    'umfrage, bewertung oder ideenabfrage ohne Frage – öffnet ein Formular (Art, Frage, Optionen, anonym, offen bis); im Kanal auch unter dem Eingabefeld über „+“ › Mitwirken',
  composeIntro: 'Die Karte erscheint als neuer Beitrag in diesem Kanal. Alle im Team antworten direkt darauf.',
  composeKindLabel: 'Art',
  composeKindSingle: 'Umfrage – eine Antwort',
  composeKindMulti: 'Umfrage – mehrere Antworten',
  composeKindRating: 'Bewertung von 1 bis 5',
  composeKindYesNo: 'Ja/Nein-Frage',
  composeKindIdea: 'Ideenabfrage',
  composeQuestionLabel: 'Frage',
  composeQuestionPlaceholder: 'z. B. Wie zufrieden sind Sie mit unseren Teambesprechungen?',
  composeOptionsLabel: 'Optionen – eine pro Zeile (nur bei Umfragen mit Auswahl)',
  composeOptionsPlaceholder: 'sehr\neher\nkaum',
  composeAnonymousLabel: 'Anonym: Antworten werden ohne Namen gespeichert',
  composeClosesDateLabel: 'Offen bis (Datum, optional)',
  composeClosesTimeLabel: 'Uhrzeit (optional, sonst 23:59)',
  composeSubmit: 'Posten',
  composeCheck: 'Bitte prüfen Sie die markierten Felder.',
  composeNotAllowedTitle: 'Posten dürfen hier andere',
  composeNotAllowedWho: (leadersMayPost: boolean): string =>
    leadersMayPost
      ? 'Umfragen und Ideenabfragen posten das Beteiligungsmanagement und die eingetragenen Führungskräfte dieses Teams.'
      : 'Umfragen und Ideenabfragen postet das Beteiligungsmanagement.',
  composeNotAllowedAsk: (leadersMayPost: boolean): string =>
    leadersMayPost
      ? 'Haben Sie eine Frage an Ihr Team? Bitten Sie Ihre Führungskraft oder das Beteiligungsmanagement, sie zu posten. Ideen können Sie jederzeit selbst einreichen: @Mitwirken idee Ihr Vorschlag'
      : 'Haben Sie eine Frage an Ihr Team? Bitten Sie das Beteiligungsmanagement, sie zu posten. Ideen können Sie jederzeit selbst einreichen: @Mitwirken idee Ihr Vorschlag',
  composeOfferTitle: 'Neue Abfrage',
  composeOfferText: 'Füllen Sie das Formular aus – Art, Frage, Optionen, anonym und wie lange sie offen ist.',
  composeOfferButton: 'Formular öffnen',
  composePosted: 'Gepostet – die Karte steht jetzt in diesem Kanal.',
  errFormQuestionMissing: 'Bitte geben Sie eine Frage ein.',
  errFormTooFewOptions: 'Bitte geben Sie mindestens 2 Optionen ein, jede in einer eigenen Zeile.',
  errFormKindMissing: 'Bitte wählen Sie die Art der Abfrage.',
  errFormClosesDateMissing: 'Bitte wählen Sie zur Uhrzeit auch ein Datum.',
  errFormClosesInvalid: 'Dieses Datum oder diese Uhrzeit kann ich nicht lesen.',
  errFormClosesPast: 'Dieser Zeitpunkt liegt in der Vergangenheit. Bitte wählen Sie einen späteren.',
  errFormClosesTooFar: 'Eine Abfrage ist höchstens ein Jahr lang offen. Bitte wählen Sie einen früheren Zeitpunkt.',
  errFormChannelOnly:
    'Das Formular öffnen Sie in einem Teamkanal: @Mitwirken umfrage, oder unter dem Eingabefeld über „+“ (Aktionen und Apps) › Mitwirken.',
  errNotAllowedToPost:
    'Umfragen und Ideenabfragen in diesem Team posten das Beteiligungsmanagement und – wenn freigeschaltet – die Führungskräfte des Teams.',
};

export const composeEn: typeof composeDe = {
  composeTitle: 'Post a poll or idea prompt',
  cmdPostForm:
    'poll, rating or prompt without a question – opens a form (kind, question, options, anonymous, open until); in a channel also below the message box through “+” › Mitwirken',
  composeIntro: 'The card appears as a new post in this channel. Everyone in the team answers right on it.',
  composeKindLabel: 'Kind',
  composeKindSingle: 'Poll – one answer',
  composeKindMulti: 'Poll – several answers',
  composeKindRating: 'Rating from 1 to 5',
  composeKindYesNo: 'Yes/no question',
  composeKindIdea: 'Idea prompt',
  composeQuestionLabel: 'Question',
  composeQuestionPlaceholder: 'e.g. How satisfied are you with our team meetings?',
  composeOptionsLabel: 'Options – one per line (polls with choices only)',
  composeOptionsPlaceholder: 'very\nsomewhat\nhardly',
  composeAnonymousLabel: 'Anonymous: answers are stored without names',
  composeClosesDateLabel: 'Open until (date, optional)',
  composeClosesTimeLabel: 'Time (optional, else 23:59)',
  composeSubmit: 'Post',
  composeCheck: 'Please check the marked fields.',
  composeNotAllowedTitle: 'Others post here',
  composeNotAllowedWho: (leadersMayPost: boolean): string =>
    leadersMayPost
      ? 'Polls and idea prompts are posted by the participation managers and the registered leaders of this team.'
      : 'Polls and idea prompts are posted by the participation managers.',
  composeNotAllowedAsk: (leadersMayPost: boolean): string =>
    leadersMayPost
      ? 'Do you have a question for your team? Ask your leader or the participation managers to post it. You can submit ideas yourself at any time: @Mitwirken idea Your suggestion'
      : 'Do you have a question for your team? Ask the participation managers to post it. You can submit ideas yourself at any time: @Mitwirken idea Your suggestion',
  composeOfferTitle: 'New prompt',
  composeOfferText: 'Fill in the form – kind, question, options, anonymous and how long it stays open.',
  composeOfferButton: 'Open the form',
  composePosted: 'Posted – the card is now in this channel.',
  errFormQuestionMissing: 'Please enter a question.',
  errFormTooFewOptions: 'Please enter at least 2 options, each on its own line.',
  errFormKindMissing: 'Please choose the kind of prompt.',
  errFormClosesDateMissing: 'Please choose a date for the time, too.',
  errFormClosesInvalid: 'I cannot read this date or time.',
  errFormClosesPast: 'This moment has passed. Please choose a later one.',
  errFormClosesTooFar: 'A prompt stays open for at most a year. Please choose an earlier moment.',
  errFormChannelOnly:
    'Open the form in a team channel: @Mitwirken poll, or below the message box through “+” (Actions and apps) › Mitwirken.',
  errNotAllowedToPost:
    'Polls and idea prompts in this team are posted by the participation managers and – where enabled – the team’s leaders.',
};

/** the German texts above that say "Sie", with "du" (ADDRESS=du; merged in core/texts/address-du.ts). */
export const composeDuDe = {
  composeQuestionPlaceholder: 'z. B. Wie zufrieden bist du mit unseren Teambesprechungen?',
  composeCheck: 'Bitte prüf die markierten Felder.',
  composeNotAllowedAsk: (leadersMayPost: boolean): string =>
    leadersMayPost
      ? 'Hast du eine Frage an dein Team? Bitte deine Führungskraft oder das Beteiligungsmanagement, sie zu posten. Ideen kannst du jederzeit selbst einreichen: @Mitwirken idee Dein Vorschlag'
      : 'Hast du eine Frage an dein Team? Bitte das Beteiligungsmanagement, sie zu posten. Ideen kannst du jederzeit selbst einreichen: @Mitwirken idee Dein Vorschlag',
  composeOfferText: 'Füll das Formular aus – Art, Frage, Optionen, anonym und wie lange sie offen ist.',
  errFormQuestionMissing: 'Bitte gib eine Frage ein.',
  errFormTooFewOptions: 'Bitte gib mindestens 2 Optionen ein, jede in einer eigenen Zeile.',
  errFormKindMissing: 'Bitte wähl die Art der Abfrage.',
  errFormClosesDateMissing: 'Bitte wähl zur Uhrzeit auch ein Datum.',
  errFormClosesPast: 'Dieser Zeitpunkt liegt in der Vergangenheit. Bitte wähl einen späteren.',
  errFormClosesTooFar: 'Eine Abfrage ist höchstens ein Jahr lang offen. Bitte wähl einen früheren Zeitpunkt.',
  errFormChannelOnly:
    'Das Formular öffnest du in einem Teamkanal: @Mitwirken umfrage, oder unter dem Eingabefeld über „+“ (Aktionen und Apps) › Mitwirken.',
};
