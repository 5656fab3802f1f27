/** texts of measures (Maßnahmen), German first; core/messages.ts merges every area into one catalogue. */
export const measuresDe = {
  measureStatusLabels: {
    planned: 'geplant',
    inProgress: 'in Umsetzung',
    done: 'umgesetzt',
    deferred: 'zurückgestellt',
    dropped: 'verworfen',
  },
  errMeasureTitle: 'Bitte geben Sie der Maßnahme einen Titel.',
  errMeasureTitleLong: 'Der Titel ist zu lang (höchstens 120 Zeichen).',
  errMeasureDescriptionLong: 'Die Beschreibung ist zu lang (höchstens 1000 Zeichen).',
  errMeasureOwner: 'Bitte wählen Sie aus, wer die Maßnahme verantwortet.',
  errMeasureOwnerNotMember: 'Die verantwortliche Person muss Mitglied des Teams sein.',
  errMeasureDate: 'Bitte geben Sie ein Zieldatum an (TT.MM.JJJJ).',
  errMeasureStatusUnchanged: 'Die Maßnahme hat diesen Status schon.',
  errMeasureStatusNotAllowed: 'Dieser Statuswechsel ist nicht möglich.',
  errMeasureReasonMissing: 'Bitte geben Sie einen Grund an: Er wird allen mit der Maßnahme gezeigt.',
  errMeasureNoteLong: 'Der Text ist zu lang (höchstens 500 Zeichen).',
  errMeasureNotFound: 'Diese Maßnahme gibt es nicht (mehr).',
  errMeasureNotAllowed:
    'Maßnahmen legen Leitungen des Teams und Admins an und ändern sie; Notizen auch die Verantwortlichen.',
  errMeasureNoteEmpty: 'Bitte schreiben Sie eine kurze Notiz.',
  errMeasureDatePast: 'Das Zieldatum liegt in der Vergangenheit.',
  errMeasureIdeaOtherTeam: 'Eine der Ideen gibt es nicht (mehr) oder sie gehört zu einem anderen Team.',
  errMeasureItemOpen: 'Aus einer Umfrage oder Ideenabfrage wird eine Maßnahme erst nach ihrem Schließen.',
  errMeasureNoManagedTeam: 'Maßnahmen legen Leitungen des Teams und Admins an – Sie leiten kein Team mit Mitwirken.',
  // commands
  cmdMeasures:
    'maßnahmen – zeigt die Maßnahmen des Teams (im Kanal) oder Ihrer Teams (im Chat): Verantwortliche, Ziel, Stand',
  cmdNewMeasure: 'maßnahme neu – legt eine Maßnahme an, mit Verantwortlichen und Zieldatum (Leitungen und Admins)',
  // the board
  measuresTitle: (team: string) => `Maßnahmen – ${team}`,
  measuresTitleMine: 'Maßnahmen Ihrer Teams',
  measuresTitleAll: 'Maßnahmen aller Teams',
  measuresNone: 'Noch keine Maßnahmen.',
  measuresNoneFiltered: 'Keine Maßnahmen mit diesem Status.',
  measuresNoTeam: 'Sie gehören zu keinem Team, in dem Mitwirken installiert ist.',
  measuresOpenHeading: 'Offen',
  measuresRecentHeading: (days: number) => `Kürzlich abgeschlossen (letzte ${days} Tage)`,
  measuresMore: (n: number) => `… und ${n} weitere. Filtern Sie nach Status, um sie zu sehen.`,
  measureMeta: (status: string, owner: string, due: string) =>
    `Status: ${status} · Verantwortlich: ${owner} · Ziel: ${due}`,
  measureTeamLine: (team: string) => `Team: ${team}`,
  measureOverdue: (due: string) => `⚠ Überfällig – Ziel war der ${due}`,
  measureReason: (reason: string) => `Grund: ${reason}`,
  measureLastNote: (when: string, by: string, text: string) => `Letzte Notiz (${when}, ${by}): ${text}`,
  measureFilterLabel: 'Status',
  measureFilterAll: 'alle',
  measureFilterButton: 'Filtern',
  measureDetailsButton: 'Details',
  measureNewButton: 'Maßnahme anlegen',
  measureChangeStatus: 'Status ändern',
  measureNewStatus: 'Neuer Status',
  measureReasonLabel: 'Grund (nötig bei „zurückgestellt“ und „verworfen“; alle sehen ihn)',
  measureSaveStatus: 'Status speichern',
  measureAddNote: 'Notiz',
  measureNoteLabel: 'Kurze Notiz zum Fortschritt (bis 500 Zeichen)',
  measureSaveNote: 'Notiz speichern',
  // details
  measureIdeasHeading: 'Ideen dazu',
  measureIdeaLine: (text: string, status: string) => `„${text}“ (${status})`,
  measureIdeasHidden: (n: number) =>
    n === 1 ? '1 weitere Idee ist hier nicht sichtbar.' : `${n} weitere Ideen sind hier nicht sichtbar.`,
  measureFromItem: (question: string) => `Aus dem Ergebnis von: „${question}“`,
  measureGroup: (names: string) => `Arbeitsgruppe: ${names}`,
  measureGroupCount: (n: number) => `Arbeitsgruppe: ${n} Freiwillige`,
  measureNotesHeading: 'Notizen',
  measureNoNotes: 'Noch keine Notizen.',
  measureNoteLine: (when: string, by: string, text: string) => `${when}, ${by}: ${text}`,
  // the form
  measureFormTitle: 'Neue Maßnahme',
  measureFormTeam: (team: string) => `Team: ${team}`,
  measureFormCheck: 'Bitte prüfen Sie die markierten Felder.',
  measureTitleLabel: 'Titel',
  measureDescriptionLabel: 'Was wird getan?',
  measureOwnerLabel: 'Verantwortlich (aus dem Team)',
  measureDueLabel: 'Zieldatum',
  measureIdeasLabel: 'Ideen, die diese Maßnahme umsetzt',
  measureGroupLabel: 'Die Freiwilligen („Ich mache mit“) bilden die Arbeitsgruppe',
  measureCreateButton: 'Maßnahme anlegen',
  measurePickTeamLabel: 'Für welches Team?',
  measurePickTeamButton: 'Weiter',
  // results on the leader's card
  measureCreated: (title: string) => `Die Maßnahme „${title}“ ist angelegt.`,
  measureStatusChanged: (title: string, status: string) => `Die Maßnahme „${title}“ ist jetzt: ${status}.`,
  measureNoteAdded: 'Ihre Notiz ist gespeichert.',
  measureIdeasFollow: (n: number, status: string) =>
    n === 1 ? `1 verknüpfte Idee steht jetzt auf „${status}“.` : `${n} verknüpfte Ideen stehen jetzt auf „${status}“.`,
  measureToldAuthors: (n: number) =>
    n === 1 ? '1 Autorin oder Autor ist benachrichtigt.' : `${n} Autorinnen und Autoren sind benachrichtigt.`,
  measureAuthorsUnreachable: (n: number) =>
    n === 1
      ? '1 Autorin oder Autor war im persönlichen Chat nicht erreichbar.'
      : `${n} Autorinnen und Autoren waren im persönlichen Chat nicht erreichbar.`,
  measureToldBackers: (n: number) =>
    n === 1
      ? '1 unterstützende oder mitmachende Person wird benachrichtigt.'
      : `${n} Unterstützende und Mitmachende werden benachrichtigt.`,
  measureAnonymousIdeas: (n: number) =>
    n === 1
      ? '1 Idee ist anonym: ihre Autorin oder ihr Autor kann nicht benachrichtigt werden.'
      : `${n} Ideen sind anonym: ihre Autorinnen und Autoren können nicht benachrichtigt werden.`,
  // 1:1 notices
  measureNoticeYourIdea: (idea: string) => `Neues zu Ihrer Idee „${idea}“:`,
  measureNoticeBackedIdea: (idea: string) =>
    `Neues zu einer Idee, die Sie unterstützen oder bei der Sie mitmachen („${idea}“):`,
  measureNoticeCreated: (title: string, owner: string, due: string) =>
    `Daraus wird die Maßnahme „${title}“. Verantwortlich: ${owner}, Ziel: ${due}.`,
  measureNoticeStatus: (title: string, status: string) => `Die Maßnahme „${title}“ ist jetzt: ${status}.`,
  measureNoticeMyIdeas: 'Alle Ihre Ideen und was aus ihnen wurde: Schreiben Sie mir „meine ideen“.',
  measureIdeaNote: (title: string) => `Maßnahme: ${title}`,
  // meine daten
  myDataMeasures: 'Maßnahmen, die Sie verantworten, und Ihre Notizen dazu',
  myDataMeasureLine: (title: string, status: string, due: string) => `${title} (${status}, Ziel ${due})`,
  myDataMeasureNoteLine: (title: string, text: string) => `Notiz zu „${title}“: ${text}`,
};

export const measuresEn: typeof measuresDe = {
  measureStatusLabels: {
    planned: 'planned',
    inProgress: 'in progress',
    done: 'done',
    deferred: 'deferred',
    dropped: 'dropped',
  },
  errMeasureTitle: 'Please give the measure a title.',
  errMeasureTitleLong: 'The title is too long (at most 120 characters).',
  errMeasureDescriptionLong: 'The description is too long (at most 1000 characters).',
  errMeasureOwner: 'Please choose who is responsible for the measure.',
  errMeasureOwnerNotMember: 'The person responsible must be a member of the team.',
  errMeasureDate: 'Please give a target date (DD.MM.YYYY).',
  errMeasureStatusUnchanged: 'The measure already has this status.',
  errMeasureStatusNotAllowed: 'This change of status is not possible.',
  errMeasureReasonMissing: 'Please give a reason: everyone sees it with the measure.',
  errMeasureNoteLong: 'The text is too long (at most 500 characters).',
  errMeasureNotFound: 'This measure does not exist (any more).',
  errMeasureNotAllowed: "Measures are created and changed by the team's leaders and admins; notes also by the owner.",
  errMeasureNoteEmpty: 'Please write a short note.',
  errMeasureDatePast: 'The target date is in the past.',
  errMeasureIdeaOtherTeam: 'One of the ideas does not exist (any more) or belongs to another team.',
  errMeasureItemOpen: 'A poll or idea prompt becomes a measure only after it is closed.',
  errMeasureNoManagedTeam: "Measures are created by the team's leaders and admins – you lead no team with Mitwirken.",
  // commands
  cmdMeasures:
    "measures – shows the team's measures (in a channel) or your teams' (in the chat): owner, target, progress",
  cmdNewMeasure: 'new measure – creates a measure with an owner and a target date (leaders and admins)',
  // the board
  measuresTitle: (team: string) => `Measures – ${team}`,
  measuresTitleMine: "Your teams' measures",
  measuresTitleAll: 'Measures of all teams',
  measuresNone: 'No measures yet.',
  measuresNoneFiltered: 'No measures with this status.',
  measuresNoTeam: 'You belong to no team where Mitwirken is installed.',
  measuresOpenHeading: 'Open',
  measuresRecentHeading: (days: number) => `Recently finished (last ${days} days)`,
  measuresMore: (n: number) => `… and ${n} more. Filter by status to see them.`,
  measureMeta: (status: string, owner: string, due: string) => `Status: ${status} · Owner: ${owner} · Target: ${due}`,
  measureTeamLine: (team: string) => `Team: ${team}`,
  measureOverdue: (due: string) => `⚠ Overdue – the target was ${due}`,
  measureReason: (reason: string) => `Reason: ${reason}`,
  measureLastNote: (when: string, by: string, text: string) => `Latest note (${when}, ${by}): ${text}`,
  measureFilterLabel: 'Status',
  measureFilterAll: 'all',
  measureFilterButton: 'Filter',
  measureDetailsButton: 'Details',
  measureNewButton: 'Create measure',
  measureChangeStatus: 'Change status',
  measureNewStatus: 'New status',
  measureReasonLabel: 'Reason (needed for “deferred” and “dropped”; everyone sees it)',
  measureSaveStatus: 'Save status',
  measureAddNote: 'Note',
  measureNoteLabel: 'A short progress note (up to 500 characters)',
  measureSaveNote: 'Save note',
  // details
  measureIdeasHeading: 'Ideas behind it',
  measureIdeaLine: (text: string, status: string) => `“${text}” (${status})`,
  measureIdeasHidden: (n: number) =>
    n === 1 ? '1 more idea is not visible here.' : `${n} more ideas are not visible here.`,
  measureFromItem: (question: string) => `From the results of: “${question}”`,
  measureGroup: (names: string) => `Working group: ${names}`,
  measureGroupCount: (n: number) => `Working group: ${n} volunteers`,
  measureNotesHeading: 'Notes',
  measureNoNotes: 'No notes yet.',
  measureNoteLine: (when: string, by: string, text: string) => `${when}, ${by}: ${text}`,
  // the form
  measureFormTitle: 'New measure',
  measureFormTeam: (team: string) => `Team: ${team}`,
  measureFormCheck: 'Please check the marked fields.',
  measureTitleLabel: 'Title',
  measureDescriptionLabel: 'What will be done?',
  measureOwnerLabel: 'Owner (from the team)',
  measureDueLabel: 'Target date',
  measureIdeasLabel: 'Ideas this measure implements',
  measureGroupLabel: 'The volunteers (“Count me in”) form the working group',
  measureCreateButton: 'Create measure',
  measurePickTeamLabel: 'For which team?',
  measurePickTeamButton: 'Next',
  // results on the leader's card
  measureCreated: (title: string) => `The measure “${title}” is created.`,
  measureStatusChanged: (title: string, status: string) => `The measure “${title}” is now: ${status}.`,
  measureNoteAdded: 'Your note is saved.',
  measureIdeasFollow: (n: number, status: string) =>
    n === 1 ? `1 linked idea is now “${status}”.` : `${n} linked ideas are now “${status}”.`,
  measureToldAuthors: (n: number) => (n === 1 ? '1 author was told.' : `${n} authors were told.`),
  measureAuthorsUnreachable: (n: number) =>
    n === 1
      ? '1 author could not be reached in a personal chat.'
      : `${n} authors could not be reached in a personal chat.`,
  measureToldBackers: (n: number) =>
    n === 1 ? '1 supporter or volunteer is being told.' : `${n} supporters and volunteers are being told.`,
  measureAnonymousIdeas: (n: number) =>
    n === 1
      ? '1 idea is anonymous: its author cannot be told.'
      : `${n} ideas are anonymous: their authors cannot be told.`,
  // 1:1 notices
  measureNoticeYourIdea: (idea: string) => `News about your idea “${idea}”:`,
  measureNoticeBackedIdea: (idea: string) => `News about an idea you support or volunteered for (“${idea}”):`,
  measureNoticeCreated: (title: string, owner: string, due: string) =>
    `It becomes the measure “${title}”. Owner: ${owner}, target: ${due}.`,
  measureNoticeStatus: (title: string, status: string) => `The measure “${title}” is now: ${status}.`,
  measureNoticeMyIdeas: 'All your ideas and what became of them: write “my ideas” to me.',
  measureIdeaNote: (title: string) => `Measure: ${title}`,
  // my data
  myDataMeasures: 'Measures you own, and your notes on measures',
  myDataMeasureLine: (title: string, status: string, due: string) => `${title} (${status}, target ${due})`,
  myDataMeasureNoteLine: (title: string, text: string) => `Note on “${title}”: ${text}`,
};
