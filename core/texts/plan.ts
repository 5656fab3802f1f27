/**
 * texts of a campaign's readable plan (core/campaigns/campaign-plan.ts), its changes in words
 * (campaign-changes.ts), the printable plan and the card offering it; German first, formal address.
 */
export const planDe = {
  // the plan's sections
  planHeadingPurpose: 'Zweck',
  planNoDescription: 'Keine Beschreibung angegeben.',
  planHeadingWho: 'Wer wird gefragt',
  planTargetsAll: 'Alle Teams, in denen Mitwirken installiert ist – auch Teams, die später hinzukommen.',
  planTargetsTeams: (names: string, count: number) => (count === 1 ? `Das Team ${names}.` : `Die Teams ${names}.`),
  planTargetsUnits: (names: string, count: number) =>
    count === 1
      ? `Alle Teams der Organisationseinheit ${names}, so wie die Organisationsdatei sie beim jeweiligen Post nennt – auch Teams, die später hinzukommen.`
      : `Alle Teams der Organisationseinheiten ${names}, so wie die Organisationsdatei sie beim jeweiligen Post nennt – auch Teams, die später hinzukommen.`,
  planChannel: (channel: string) => `Gepostet wird in jedem dieser Teams im Kanal „${channel}“.`,
  planGeneralChannel: 'Allgemein',
  planTimeZone: (zone: string) => `Alle Zeiten gelten in der Zeitzone ${zone}.`,
  planHeadingItem: (n: number, total: number) => `Frage ${n} von ${total}`,
  planQuestion: (text: string) => `„${text}“`,
  planTypeIdea: 'Art: Ideenabfrage – Antworten als freier Text',
  planTypePollSingle: 'Art: Kurzumfrage, eine Antwort',
  planTypePollMultiple: 'Art: Kurzumfrage, mehrere Antworten möglich',
  planTypePollMax: (n: number) => `Art: Kurzumfrage, bis zu ${n} Antworten`,
  planTypeRating: 'Art: Bewertung von 1 (gar nicht) bis 5 (voll und ganz)',
  planTypeYesNo: 'Art: Ja/Nein-Frage',
  planOptions: (list: string) => `Antwortmöglichkeiten: ${list}`,
  planAnonymous: 'Anonym: Antworten werden ohne Namen gespeichert; Ergebnisse erscheinen erst nach dem Schließen.',
  planNamed: 'Nicht anonym: Antworten werden mit Namen gespeichert.',
  planWhen: (words: string) => `Wann: ${words}`,
  planReminder: (duration: string) => `Erinnerung: ${duration} vor dem Schließen, als Antwort im Thread des Posts.`,
  planHeadingResults: 'Wer sieht welche Ergebnisse',
  planResultsThreshold: (min: number) =>
    `Ergebnisse zeigt Mitwirken erst, wenn mindestens ${min} Personen geantwortet haben – auf der Karte im Kanal, im Wochenüberblick, in der Ergebnisansicht und im Export.`,
  planResultsCount: 'Wie viele Personen geantwortet haben, zeigt die Karte im Kanal schon vorher.',
  planResultsAnonymous:
    'Anonyme Antworten werden ohne Namen gespeichert und lassen sich keiner Person zuordnen – auch nicht durch das Beteiligungsmanagement oder den Betrieb. Die Ergebnisse anonymer Fragen erscheinen erst nach dem Schließen.',
  planResultsAnonymousIdeas: (minText: number) =>
    `Anonyme Ideentexte erscheinen erst nach dem Schließen und erst ab ${minText} Einreichenden, nie in der Reihenfolge ihres Eingangs.`,
  planResultsNamed:
    'Bei nicht anonymen Fragen sieht nur die antwortende Person ihre eigene Stimme; niemand sonst sieht, wer was gewählt hat.',
  planResultsNamedIdeas: 'Nicht anonyme Ideen zeigen den Namen der Person, die sie eingereicht hat.',
  planResultsLeaders: (min: number) =>
    `Führungskräfte sehen die Ergebnisse ihrer Teams und Organisationseinheiten; Gruppen unter ${min} Personen erscheinen nicht einzeln, sondern zählen in der Einheit darüber mit.`,
  planResultsAdmins:
    'Das Beteiligungsmanagement und der Personalrat sehen zusammengefasste Ergebnisse aller Teams, mit denselben Schwellen.',
  planHeadingRetention: 'Wie lange Antworten aufbewahrt werden',
  planRetentionOwn: (days: number) =>
    `Stimmen, Namen und Unterstützungen werden ${days} Tage nach dem Schließen einer Frage gelöscht (Frist dieser Kampagne).`,
  planRetentionDefault: (days: number) =>
    `Stimmen, Namen und Unterstützungen werden ${days} Tage nach dem Schließen einer Frage gelöscht (allgemeine Frist dieser Installation).`,
  planRetentionRest: 'Danach bleiben nur zusammengefasste Ergebnisse: Zählerstände, Ideentexte ohne Namen, Anzahlen.',
  // schedules in words
  planWeekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  planMonths: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  planTime: (hour: number, minute: string) => `${hour}:${minute} Uhr`,
  planEveryWeek: (weekday: string, time: string) => `jeden ${weekday} um ${time}`,
  planEveryWeeks: (weeks: number, weekday: string, time: string) =>
    `alle ${weeks} Wochen ${weekday.toLowerCase()}s um ${time}`,
  planDaily: (time: string) => `täglich um ${time}`,
  planMonthly: (day: number, time: string) =>
    day > 28
      ? `monatlich am ${day}. (in kürzeren Monaten am letzten Tag) um ${time}`
      : `monatlich am ${day}. um ${time}`,
  planOnce: (weekday: string, date: string, time: string) => `einmal am ${weekday}, ${date}, um ${time}`,
  planFromTo: (from: string, to: string) => `vom ${from} bis ${to}`,
  planFromToTime: (from: string, to: string, time: string) => `vom ${from} bis ${to} um ${time}`,
  planFromOpenEnded: (from: string) => `ab dem ${from}, ohne Enddatum`,
  planOpenEach: (duration: string) => `jeweils ${duration} offen`,
  planOpenOnce: (duration: string) => `${duration} offen`,
  planDurationUnits: {
    weeks: ['Woche', 'Wochen'],
    days: ['Tag', 'Tage'],
    hours: ['Stunde', 'Stunden'],
    minutes: ['Minute', 'Minuten'],
    seconds: ['Sekunde', 'Sekunden'],
  } as Record<'weeks' | 'days' | 'hours' | 'minutes' | 'seconds', [string, string]>,
  planAnd: 'und',
  // changes between two versions, one line each
  chgTitle: (before: string, after: string) => `Titel: „${before}“ → „${after}“`,
  chgDescription: (before: string, after: string) => `Beschreibung: „${before}“ → „${after}“`,
  chgDescriptionAdded: (after: string) => `Beschreibung hinzugefügt: „${after}“`,
  chgDescriptionRemoved: 'Beschreibung entfernt',
  chgTargets: (before: string, after: string) => `Wer gefragt wird: ${before} → ${after}`,
  chgTargetsAll: 'alle Teams',
  chgTargetsList: (teams: string, units: string) =>
    [teams && `Teams ${teams}`, units && `Organisationseinheiten ${units}`].filter(Boolean).join('; '),
  chgTeamsAdded: (names: string, count: number) => `${count === 1 ? 'Team' : 'Teams'} hinzugefügt: ${names}`,
  chgTeamsRemoved: (names: string, count: number) => `${count === 1 ? 'Team' : 'Teams'} entfernt: ${names}`,
  chgUnitsAdded: (names: string, count: number) =>
    `${count === 1 ? 'Organisationseinheit' : 'Organisationseinheiten'} hinzugefügt: ${names}`,
  chgUnitsRemoved: (names: string, count: number) =>
    `${count === 1 ? 'Organisationseinheit' : 'Organisationseinheiten'} entfernt: ${names}`,
  chgChannel: (before: string, after: string) => `Kanal: „${before}“ → „${after}“`,
  chgTimeZone: (before: string, after: string) => `Zeitzone: ${before} → ${after}`,
  chgRetention: (before: string, after: string) => `Aufbewahrung nach dem Schließen: ${before} → ${after}`,
  chgRetentionDays: (days: number) => `${days} Tage`,
  chgRetentionDefault: 'allgemeine Frist',
  chgItemAdded: (question: string, type: string, when: string) => `Neue Frage: „${question}“ (${type}; ${when})`,
  chgItemRemoved: (question: string) => `Frage entfernt: „${question}“`,
  chgQuestion: (before: string, after: string) => `Fragetext: „${before}“ → „${after}“`,
  chgOfItem: (question: string, change: string) => `Frage „${question}“: ${change}`,
  chgType: (before: string, after: string) => `Art ${before} → ${after}`,
  chgTypeNames: { idea: 'Ideenabfrage', poll: 'Kurzumfrage', rating: 'Bewertung', yesno: 'Ja/Nein-Frage' },
  chgOptionsAdded: (list: string, count: number) =>
    `${count === 1 ? 'Antwortmöglichkeit' : 'Antwortmöglichkeiten'} hinzugefügt: ${list}`,
  chgOptionsRemoved: (list: string, count: number) =>
    `${count === 1 ? 'Antwortmöglichkeit' : 'Antwortmöglichkeiten'} entfernt: ${list}`,
  chgOptionsOrder: (before: string, after: string) => `Reihenfolge der Antwortmöglichkeiten: ${before} → ${after}`,
  chgSingle: 'eine Antwort',
  chgMultiple: 'mehrere Antworten',
  chgChoiceKind: (before: string, after: string) => `${before} → ${after}`,
  chgMaxChoices: (before: string, after: string) => `höchstens wählbar: ${before} → ${after}`,
  chgMaxChoicesAll: 'alle',
  chgAnonymousOn: 'jetzt anonym (Antworten ohne Namen)',
  chgAnonymousOff: 'nicht mehr anonym (Antworten mit Namen)',
  chgSchedule: (before: string, after: string) => `Zeitplan: ${before} → ${after}`,
  chgOpenFor: (before: string, after: string) => `offen: ${before} → ${after}`,
  chgReminder: (before: string, after: string) => `Erinnerung vor dem Schließen: ${before} → ${after}`,
  chgReminderNone: 'keine',
  // the printable plan and the card offering it
  planDocumentSubtitle: 'Plan einer Kampagne in Mitwirken',
  planDocumentCampaign: (id: string, status: string) => `Kampagne ${id} · Status: ${status}`,
  planDocumentMade: (when: string) => `Erstellt am ${when}.`,
  planButton: 'Plan',
  planCardTitle: (title: string) => `Plan: ${title}`,
  planCardIntro: (minutes: number) =>
    `Den Plan zum Lesen und Drucken (HTML) und die Kampagnendatei (YAML) zum Ablegen und erneuten Laden. Die Links sind ${minutes} Minuten gültig und öffnen sich im Browser.`,
  planCardHtml: 'Plan herunterladen (HTML)',
  planCardYaml: 'Kampagnendatei herunterladen (YAML)',
  planHtmlFileName: (id: string) => `${id}-plan.html`,
  errPlanNotAllowed: 'Pläne von Kampagnen dürfen nur das Beteiligungsmanagement und der Personalrat lesen.',
};

export const planEn: typeof planDe = {
  planHeadingPurpose: 'Purpose',
  planNoDescription: 'No description given.',
  planHeadingWho: 'Who is asked',
  planTargetsAll: 'Every team Mitwirken is installed in – also teams that join later.',
  planTargetsTeams: (names, count) => (count === 1 ? `The team ${names}.` : `The teams ${names}.`),
  planTargetsUnits: (names, count) =>
    count === 1
      ? `Every team of the unit ${names}, as the organisation file names them at each post – also teams that join later.`
      : `Every team of the units ${names}, as the organisation file names them at each post – also teams that join later.`,
  planChannel: (channel) => `Posted in each of these teams in the channel “${channel}”.`,
  planGeneralChannel: 'General',
  planTimeZone: (zone) => `All times are in the time zone ${zone}.`,
  planHeadingItem: (n, total) => `Question ${n} of ${total}`,
  planQuestion: (text) => `“${text}”`,
  planTypeIdea: 'Type: idea prompt – answers as free text',
  planTypePollSingle: 'Type: poll, one answer',
  planTypePollMultiple: 'Type: poll, several answers allowed',
  planTypePollMax: (n) => `Type: poll, up to ${n} answers`,
  planTypeRating: 'Type: rating from 1 (not at all) to 5 (fully)',
  planTypeYesNo: 'Type: yes/no question',
  planOptions: (list) => `Options: ${list}`,
  planAnonymous: 'Anonymous: answers are stored without names; results appear only after closing.',
  planNamed: 'Not anonymous: answers are stored with names.',
  planWhen: (words) => `When: ${words}`,
  planReminder: (duration) => `Reminder: ${duration} before closing, as a reply in the post’s thread.`,
  planHeadingResults: 'Who sees which results',
  planResultsThreshold: (min) =>
    `Mitwirken shows results only once at least ${min} people answered – on the card in the channel, in the weekly overview, in the results view and in the export.`,
  planResultsCount: 'The card in the channel shows how many people answered before that.',
  planResultsAnonymous:
    'Anonymous answers are stored without names and cannot be linked to anyone – not by the participation management nor by operations. Their results appear only after closing.',
  planResultsAnonymousIdeas: (minText) =>
    `Anonymous idea texts appear only after closing and only from ${minText} contributors, never in the order they came in.`,
  planResultsNamed:
    'For questions that are not anonymous, only the person who answered sees their own vote; nobody else sees who chose what.',
  planResultsNamedIdeas: 'Ideas that are not anonymous show the name of the person who sent them.',
  planResultsLeaders: (min) =>
    `Leaders see the results of their teams and units; groups below ${min} people do not appear on their own but count in the unit above.`,
  planResultsAdmins:
    'The participation management and the staff council see aggregated results of all teams, with the same thresholds.',
  planHeadingRetention: 'How long answers are kept',
  planRetentionOwn: (days) =>
    `Votes, names and support are deleted ${days} days after a question closes (this campaign’s period).`,
  planRetentionDefault: (days) =>
    `Votes, names and support are deleted ${days} days after a question closes (this installation’s general period).`,
  planRetentionRest: 'After that only aggregated results remain: counts, idea texts without names, numbers.',
  planWeekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  planMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  planTime: (hour, minute) => `${hour}:${minute}`,
  planEveryWeek: (weekday, time) => `every ${weekday} at ${time}`,
  planEveryWeeks: (weeks, weekday, time) => `every ${weeks} weeks on ${weekday} at ${time}`,
  planDaily: (time) => `daily at ${time}`,
  planMonthly: (day, time) =>
    day > 28
      ? `monthly on the ${ordinal(day)} (the last day in shorter months) at ${time}`
      : `monthly on the ${ordinal(day)} at ${time}`,
  planOnce: (weekday, date, time) => `once on ${weekday}, ${date}, at ${time}`,
  planFromTo: (from, to) => `from ${from} to ${to}`,
  planFromToTime: (from, to, time) => `from ${from} to ${to} at ${time}`,
  planFromOpenEnded: (from) => `from ${from}, without end date`,
  planOpenEach: (duration) => `open for ${duration} each time`,
  planOpenOnce: (duration) => `open for ${duration}`,
  planDurationUnits: {
    weeks: ['week', 'weeks'],
    days: ['day', 'days'],
    hours: ['hour', 'hours'],
    minutes: ['minute', 'minutes'],
    seconds: ['second', 'seconds'],
  },
  planAnd: 'and',
  chgTitle: (before, after) => `Title: “${before}” → “${after}”`,
  chgDescription: (before, after) => `Description: “${before}” → “${after}”`,
  chgDescriptionAdded: (after) => `Description added: “${after}”`,
  chgDescriptionRemoved: 'Description removed',
  chgTargets: (before, after) => `Who is asked: ${before} → ${after}`,
  chgTargetsAll: 'all teams',
  chgTargetsList: (teams, units) => [teams && `teams ${teams}`, units && `units ${units}`].filter(Boolean).join('; '),
  chgTeamsAdded: (names, count) => `${count === 1 ? 'Team' : 'Teams'} added: ${names}`,
  chgTeamsRemoved: (names, count) => `${count === 1 ? 'Team' : 'Teams'} removed: ${names}`,
  chgUnitsAdded: (names, count) => `${count === 1 ? 'Unit' : 'Units'} added: ${names}`,
  chgUnitsRemoved: (names, count) => `${count === 1 ? 'Unit' : 'Units'} removed: ${names}`,
  chgChannel: (before, after) => `Channel: “${before}” → “${after}”`,
  chgTimeZone: (before, after) => `Time zone: ${before} → ${after}`,
  chgRetention: (before, after) => `Kept after closing: ${before} → ${after}`,
  chgRetentionDays: (days) => `${days} days`,
  chgRetentionDefault: 'general period',
  chgItemAdded: (question, type, when) => `New question: “${question}” (${type}; ${when})`,
  chgItemRemoved: (question) => `Question removed: “${question}”`,
  chgQuestion: (before, after) => `Question text: “${before}” → “${after}”`,
  chgOfItem: (question, change) => `Question “${question}”: ${change}`,
  chgType: (before, after) => `type ${before} → ${after}`,
  chgTypeNames: { idea: 'idea prompt', poll: 'poll', rating: 'rating', yesno: 'yes/no question' },
  chgOptionsAdded: (list, count) => `${count === 1 ? 'option' : 'options'} added: ${list}`,
  chgOptionsRemoved: (list, count) => `${count === 1 ? 'option' : 'options'} removed: ${list}`,
  chgOptionsOrder: (before, after) => `order of options: ${before} → ${after}`,
  chgSingle: 'one answer',
  chgMultiple: 'several answers',
  chgChoiceKind: (before, after) => `${before} → ${after}`,
  chgMaxChoices: (before, after) => `at most: ${before} → ${after}`,
  chgMaxChoicesAll: 'all',
  chgAnonymousOn: 'now anonymous (answers without names)',
  chgAnonymousOff: 'no longer anonymous (answers with names)',
  chgSchedule: (before, after) => `schedule: ${before} → ${after}`,
  chgOpenFor: (before, after) => `open: ${before} → ${after}`,
  chgReminder: (before, after) => `reminder before closing: ${before} → ${after}`,
  chgReminderNone: 'none',
  planDocumentSubtitle: 'Plan of a campaign in Mitwirken',
  planDocumentCampaign: (id, status) => `Campaign ${id} · status: ${status}`,
  planDocumentMade: (when) => `Made on ${when}.`,
  planButton: 'Plan',
  planCardTitle: (title) => `Plan: ${title}`,
  planCardIntro: (minutes) =>
    `The plan to read and print (HTML) and the campaign file (YAML) to keep and load again. The links are valid for ${minutes} minutes and open in your browser.`,
  planCardHtml: 'Download the plan (HTML)',
  planCardYaml: 'Download the campaign file (YAML)',
  planHtmlFileName: (id) => `${id}-plan.html`,
  errPlanNotAllowed: 'Only the participation management and the staff council may read campaign plans.',
};

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
