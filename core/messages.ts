import type { Locale } from './locale';
import { deliveryDe, deliveryEn } from './texts/delivery';
import { digestDe, digestEn } from './texts/digest';
import { exportDe, exportEn } from './texts/export';
import { ideasDe, ideasEn } from './texts/ideas';
import { measuresDe, measuresEn } from './texts/measures';
import { resultsDe, resultsEn } from './texts/results';
import { myIdeasDe, myIdeasEn } from './texts/my-ideas';
import { digestLoopDe, digestLoopEn } from './texts/digest-loop';
import { exportRangeDe, exportRangeEn } from './texts/export-range';
import { leadersDe, leadersEn } from './texts/leaders';
import { privacyDe, privacyEn } from './texts/privacy';
import { rolesDe, rolesEn } from './texts/roles';
import { wizardDe, wizardEn } from './texts/wizard';
import { digestUnitsDe, digestUnitsEn } from './texts/digest-units';
import { resultsViewDe, resultsViewEn } from './texts/results-view';
import { menusDe, menusEn } from './texts/menus';
import { germanAddress } from './texts/address';
import { addressDuDe } from './texts/address-du';
import { planDe, planEn } from './texts/plan';
import { approvalsDe, approvalsEn } from './texts/approvals';
import { ownViewDe, ownViewEn } from './texts/own-view';
import { composeDe, composeEn } from './texts/compose';
import { councilTasksDe, councilTasksEn } from './texts/council-tasks';

/**
 * every text Mitwirken shows a person, German first, English second.
 * Functions take the values they place; cards and chat replies both read from here.
 */
const baseDe = {
  appName: 'Mitwirken',
  // help and greeting
  helpTitle: 'Mitwirken – Befehle',
  helpIntro: 'Mitwirken sammelt Ideen und Meinungen im Team. So sprechen Sie mich an (im Kanal mit @Mitwirken):',
  helpAdminTitle: 'Für das Beteiligungsmanagement',
  helpEveryoneTitle: 'Für alle',
  cmdHelp: 'hilfe – zeigt diese Übersicht',
  cmdPoll: 'umfrage [--anonym] [--mehrfach] Frage? | Option A | Option B – postet eine Kurzumfrage (2–10 Optionen)',
  cmdRating: 'bewertung [--anonym] Frage? – postet eine Bewertung von 1 bis 5',
  cmdIdea: 'ideenabfrage [--anonym] Frage? – postet eine Ideenabfrage',
  cmdClose: 'schließen – schließt im Thread die offene Umfrage oder Ideenabfrage und zeigt das Ergebnis',
  cmdCampaigns:
    'kampagnen – listet Kampagnen mit Status und nächstem Post; planen, pausieren, fortsetzen, beenden, duplizieren, Entwurf löschen',
  cmdReloadCampaigns: 'kampagnen laden – liest die Kampagnendateien neu ein und nennt Fehler mit Zeile',
  cmdDemo: 'demo – beantwortet die letzte Umfrage oder Ideenabfrage als Testpersonen (nur lokal)',
  cmdAnswer: 'Antworten: direkt auf der Karte im Kanal – mit einem Klick oder einem kurzen Text.',
  greetingTitle: (name: string) => (name ? `Hallo ${name}!` : 'Hallo!'),
  greetingText:
    'Ich bin Mitwirken. Ich poste Ideenabfragen und Kurzumfragen in Ihre Teamkanäle – antworten können Sie direkt auf der Karte.',
  welcomeTitle: 'Mitwirken ist jetzt in diesem Team',
  welcomeText:
    'Hier erscheinen ab und zu kurze Umfragen und Ideenabfragen. Antworten dauert Sekunden, direkt auf der Karte.',
  welcomeResults: (min: number) => `Ergebnisse zeige ich erst, wenn mindestens ${min} Personen geantwortet haben.`,
  welcomeAnonymity:
    'Anonyme Abfragen sind gekennzeichnet: Antworten werden dort ohne Namen gespeichert und sind nicht auf einzelne Personen rückführbar.',
  welcomeMore: 'Mehr erfahren: @Mitwirken hilfe',
  // cards
  pollBadge: 'Kurzumfrage',
  ratingBadge: 'Bewertung (1 = gar nicht, 5 = voll und ganz)',
  ideaBadge: 'Ideenabfrage',
  anonymousBadge: 'Anonym',
  anonymousNotice:
    'Anonym: Ihre Antwort wird ohne Namen gespeichert. Niemand – auch nicht das Beteiligungsmanagement – kann sie Ihnen zuordnen. Deshalb können Sie sie später nicht ändern. Ergebnisse erscheinen erst nach dem Schließen.',
  namedNotice: 'Nicht anonym: Ihre Antwort wird mit Ihrem Namen gespeichert.',
  multiHint: 'Mehrfachauswahl möglich',
  multiHintMax: (n: number) => `Mehrfachauswahl: bis zu ${n}`,
  multiLabel: 'Ihre Auswahl',
  submitChoices: 'Auswahl abschicken',
  ideaLabel: 'Ihre Idee',
  ideaPlaceholder: 'Was schlagen Sie vor? (bis 1.000 Zeichen)',
  submitIdea: 'Idee abschicken',
  answeredCount: (n: number) => (n === 1 ? '1 Person hat geantwortet.' : `${n} Personen haben geantwortet.`),
  neededCount: (n: number) => `Ergebnisse erscheinen ab ${n} weiteren ${n === 1 ? 'Antwort' : 'Antworten'}.`,
  anonymousResultsAfterClose: 'Die Ergebnisse dieser anonymen Umfrage erscheinen nach dem Schließen.',
  ideasCount: (n: number) => (n === 1 ? '1 Idee ist eingegangen.' : `${n} Ideen sind eingegangen.`),
  ratingAverage: (avg: string) => `Durchschnitt: ${avg} von 5`,
  closesAt: (when: string) => `Offen bis ${when}`,
  closedBadge: 'Geschlossen',
  closedTooFew: (min: number) => `Weniger als ${min} Antworten – zum Schutz der Einzelnen zeige ich kein Ergebnis.`,
  yourVote: (choice: string) => `Ihre Stimme: ${choice}. Sie können sie ändern, solange die Umfrage offen ist.`,
  yourAnonymousVote: 'Danke! Ihre anonyme Stimme ist gezählt.',
  yourIdea: (text: string) => `Danke! Ihre Idee ist angekommen: „${text}“`,
  yourAnonymousIdea: 'Danke! Ihre Idee ist anonym angekommen.',
  anotherIdea: 'Sie können gern noch eine Idee abschicken.',
  // posting from personal chat
  pickTargetTitle: 'Wohin soll ich posten?',
  pickTargetLabel: 'Team und Kanal',
  pickTargetSubmit: 'Posten',
  pickTargetNone: 'Ich bin noch in keinem Team installiert. Fügen Sie Mitwirken zuerst einem Team hinzu.',
  posted: (where: string) => `Gepostet in ${where}.`,
  closed: 'Geschlossen. Das Ergebnis steht jetzt auf der Karte.',
  demoDone: (n: number) => `Demo: ${n} Testpersonen haben geantwortet.`,
  reminder: (when: string, n: number) =>
    `Erinnerung: Diese Abfrage schließt ${when}. Bisher ${n === 1 ? 'hat 1 Person' : `haben ${n} Personen`} geantwortet – machen Sie mit!`,
  campaignsTitle: 'Kampagnen',
  campaignsNone:
    'Noch keine Kampagnen. Legen Sie Kampagnendateien im Ordner für Kampagnen ab und laden Sie sie mit „kampagnen laden“.',
  campaignLine: (status: string, next: string) => `Status: ${status} · nächster Post: ${next}`,
  campaignNoNext: 'keiner geplant',
  campaignCounts: (posted: number, skipped: number) => `Gepostet: ${posted} · übersprungen: ${skipped}`,
  campaignLastSkip: (when: string, reason: string) => `Zuletzt übersprungen: ${when} (${reason})`,
  campaignStatus: {
    draft: 'Entwurf',
    scheduled: 'geplant',
    running: 'läuft',
    paused: 'pausiert',
    ended: 'beendet',
  } as Record<string, string>,
  campaignPause: 'Pausieren',
  campaignResume: 'Fortsetzen',
  campaignEnd: 'Beenden',
  campaignsReloaded: (n: number, errors: number) => `${n} Kampagnendatei(en) geladen, ${errors} mit Fehlern.`,
  demoNothing: 'Demo: Es gibt noch keine offene Umfrage oder Ideenabfrage. Posten Sie zuerst eine.',
  // errors
  errUnknownCommand: (word: string) => `„${word}“ kenne ich nicht. Mit „hilfe“ sehen Sie alle Befehle.`,
  errNotAdmin: 'Diesen Befehl dürfen nur Personen aus dem Beteiligungsmanagement verwenden.',
  errNoIdentity:
    'Ich kann Sie nicht sicher erkennen (keine Microsoft-Entra-Kennung). Bitte nutzen Sie Mitwirken in Microsoft Teams.',
  errMissingQuestion: 'Bitte geben Sie eine Frage an, z. B.: umfrage Wie zufrieden sind Sie? | sehr | eher | kaum',
  errQuestionTooLong: (max: number) => `Die Frage ist zu lang (höchstens ${max} Zeichen).`,
  errTooFewOptions: 'Eine Umfrage braucht mindestens 2 Optionen, getrennt durch „|“.',
  errTooManyOptions: 'Eine Umfrage darf höchstens 10 Optionen haben.',
  errOptionEmpty: 'Eine Option ist leer. Trennen Sie Optionen mit „|“ und lassen Sie keine leer.',
  errOptionTooLong: (max: number) => `Eine Option ist zu lang (höchstens ${max} Zeichen).`,
  errDuplicateOptions: 'Zwei Optionen sind gleich. Jede Option darf nur einmal vorkommen.',
  errOptionsNotAllowed: 'Bewertungen und Ideenabfragen haben keine Optionen. Lassen Sie das „|“ weg.',
  errUnknownFlag: (flag: string) => `Die Option „${flag}“ kenne ich nicht (möglich: --anonym, --mehrfach).`,
  errChannelOnly: 'Das geht nur in einem Teamkanal.',
  errNoOpenItemHere: 'In diesem Thread gibt es keine offene Umfrage oder Ideenabfrage.',
  errUnknownAction: 'Diese Aktion kenne ich nicht. Bitte laden Sie die Karte neu.',
  errInvalidPayload: 'Die Karte hat unvollständige Daten geschickt. Bitte versuchen Sie es noch einmal.',
  errChoiceOutOfRange: 'Diese Option gibt es in der Umfrage nicht.',
  errNoChoice: 'Bitte wählen Sie mindestens eine Option aus.',
  errIdeaEmpty: 'Bitte schreiben Sie Ihre Idee in das Textfeld.',
  errIdeaTooLong: (max: number) => `Ihre Idee ist zu lang (höchstens ${max} Zeichen). Bitte kürzen Sie sie.`,
  errItemNotFound: 'Diese Umfrage oder Ideenabfrage gibt es nicht (mehr).',
  errItemOtherTeam: 'Diese Karte gehört zu einem anderen Team.',
  errNotItemTeamMember:
    'Diese Abfrage gehört zu einem Team, in dem Sie nicht Mitglied sind. Antworten und Ergebnisse gibt es nur für die Mitglieder dieses Teams.',
  errMembershipUnavailable:
    'Ich kann gerade nicht prüfen, ob Sie zu diesem Team gehören, weil Teams die Mitgliederliste nicht liefert. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
  errNotChannelMember:
    'Diese Karte gehört zu einem privaten oder geteilten Kanal, in dem Sie nicht Mitglied sind. Antworten, Ideen und Ergebnisse gibt es nur für die Mitglieder dieses Kanals.',
  errChannelMembershipUnavailable:
    'Ich kann gerade nicht prüfen, ob Sie zu diesem Kanal gehören, weil Teams die Mitgliederliste des Kanals nicht liefert. In einem privaten oder geteilten Kanal muss Mitwirken dem Kanal selbst hinzugefügt sein (Kanal › Apps verwalten); sonst versuchen Sie es bitte in ein paar Minuten noch einmal.',
  errItemClosed: 'Diese Abfrage ist geschlossen. Antworten sind nicht mehr möglich.',
  errWrongItemKind: 'Diese Antwort passt nicht zu dieser Karte.',
  errAnonymousFinal: 'Sie haben hier schon anonym geantwortet. Anonyme Antworten können nicht geändert werden.',
  errUnknownTarget: 'Dieses Team oder diesen Kanal kenne ich nicht (mehr).',
  errStorageDown: 'Mitwirken ist vorübergehend nicht erreichbar, bitte gleich noch einmal versuchen.',
  errUnexpected: 'Da ist etwas schiefgegangen. Bitte versuchen Sie es noch einmal.',
  errTooManyChoices: (n: number) => `Bitte höchstens ${n} auswählen.`,
};

const de = {
  ...baseDe,
  ...wizardDe,
  ...deliveryDe,
  ...rolesDe,
  ...ideasDe,
  ...measuresDe,
  ...digestDe,
  ...privacyDe,
  ...leadersDe,
  ...exportDe,
  ...resultsDe,
  ...myIdeasDe,
  ...digestLoopDe,
  ...digestUnitsDe,
  ...exportRangeDe,
  ...resultsViewDe,
  ...menusDe,
  ...planDe,
  ...approvalsDe,
  ...ownViewDe,
  ...composeDe,
  ...councilTasksDe,
};

export type Messages = typeof de;

const baseEn: typeof baseDe = {
  appName: 'Mitwirken',
  helpTitle: 'Mitwirken – commands',
  helpIntro: 'Mitwirken collects ideas and opinions in your team. Talk to me like this (in a channel with @Mitwirken):',
  helpAdminTitle: 'For participation managers',
  helpEveryoneTitle: 'For everyone',
  cmdHelp: 'help – shows this overview',
  cmdPoll: 'poll [--anonymous] [--multi] Question? | Option A | Option B – posts a quick poll (2–10 options)',
  cmdRating: 'rating [--anonymous] Question? – posts a rating from 1 to 5',
  cmdIdea: 'prompt [--anonymous] Question? – posts an idea prompt',
  cmdClose: 'close – closes the open poll or idea prompt in this thread and shows the results',
  cmdCampaigns:
    'campaigns – lists campaigns with status and next post; schedule, pause, resume, end, duplicate, delete a draft',
  cmdReloadCampaigns: 'reload campaigns – reads the campaign files again and names errors with their line',
  cmdDemo: 'demo – answers the latest poll or idea prompt as test users (local mode only)',
  cmdAnswer: 'Answering: right on the card in the channel – one click or a short text.',
  greetingTitle: (name: string) => (name ? `Hello ${name}!` : 'Hello!'),
  greetingText:
    'I am Mitwirken. I post idea prompts and quick polls into your team channels – you answer right on the card.',
  welcomeTitle: 'Mitwirken has joined this team',
  welcomeText:
    'Short polls and idea prompts will appear here now and then. Answering takes seconds, right on the card.',
  welcomeResults: (min: number) => `Results are shown only once at least ${min} people have answered.`,
  welcomeAnonymity:
    'Anonymous prompts are marked as such: their answers are stored without names and cannot be traced back to anyone.',
  welcomeMore: 'Learn more: @Mitwirken help',
  pollBadge: 'Quick poll',
  ratingBadge: 'Rating (1 = not at all, 5 = completely)',
  ideaBadge: 'Idea prompt',
  anonymousBadge: 'Anonymous',
  anonymousNotice:
    'Anonymous: your answer is stored without your name. Nobody – not even the participation team – can link it to you. That is why you cannot change it later. Results appear after the poll closes.',
  namedNotice: 'Not anonymous: your answer is stored with your name.',
  multiHint: 'Several choices allowed',
  multiHintMax: (n) => `Several choices: up to ${n}`,
  multiLabel: 'Your choice',
  submitChoices: 'Submit choice',
  ideaLabel: 'Your idea',
  ideaPlaceholder: 'What do you suggest? (up to 1,000 characters)',
  submitIdea: 'Submit idea',
  answeredCount: (n: number) => (n === 1 ? '1 person has answered.' : `${n} people have answered.`),
  neededCount: (n: number) => `Results appear after ${n} more ${n === 1 ? 'answer' : 'answers'}.`,
  anonymousResultsAfterClose: 'The results of this anonymous poll appear once it is closed.',
  ideasCount: (n: number) => (n === 1 ? '1 idea has come in.' : `${n} ideas have come in.`),
  ratingAverage: (avg: string) => `Average: ${avg} of 5`,
  closesAt: (when: string) => `Open until ${when}`,
  closedBadge: 'Closed',
  closedTooFew: (min: number) => `Fewer than ${min} answers – to protect individuals no result is shown.`,
  yourVote: (choice: string) => `Your vote: ${choice}. You can change it while the poll is open.`,
  yourAnonymousVote: 'Thank you! Your anonymous vote has been counted.',
  yourIdea: (text: string) => `Thank you! Your idea has arrived: “${text}”`,
  yourAnonymousIdea: 'Thank you! Your idea has arrived anonymously.',
  anotherIdea: 'You are welcome to submit another idea.',
  pickTargetTitle: 'Where shall I post this?',
  pickTargetLabel: 'Team and channel',
  pickTargetSubmit: 'Post',
  pickTargetNone: 'I am not installed in any team yet. Add Mitwirken to a team first.',
  posted: (where: string) => `Posted in ${where}.`,
  closed: 'Closed. The results are on the card now.',
  demoDone: (n: number) => `Demo: ${n} test users have answered.`,
  reminder: (when: string, n: number) =>
    `Reminder: this prompt closes ${when}. ${n === 1 ? '1 person has' : `${n} people have`} answered so far – join in!`,
  campaignsTitle: 'Campaigns',
  campaignsNone:
    'No campaigns yet. Put campaign files into the campaigns folder and load them with “reload campaigns”.',
  campaignLine: (status: string, next: string) => `Status: ${status} · next post: ${next}`,
  campaignNoNext: 'none planned',
  campaignCounts: (posted, skipped) => `Posted: ${posted} · skipped: ${skipped}`,
  campaignLastSkip: (when, reason) => `Last skipped: ${when} (${reason})`,
  campaignStatus: {
    draft: 'draft',
    scheduled: 'scheduled',
    running: 'running',
    paused: 'paused',
    ended: 'ended',
  } as Record<string, string>,
  campaignPause: 'Pause',
  campaignResume: 'Resume',
  campaignEnd: 'End',
  campaignsReloaded: (n: number, errors: number) => `${n} campaign file(s) loaded, ${errors} with errors.`,
  demoNothing: 'Demo: there is no open poll or idea prompt yet. Post one first.',
  errUnknownCommand: (word: string) => `I do not know “${word}”. Type “help” to see all commands.`,
  errNotAdmin: 'Only participation managers may use this command.',
  errNoIdentity: 'I cannot identify you reliably (no Microsoft Entra id). Please use Mitwirken in Microsoft Teams.',
  errMissingQuestion: 'Please add a question, e.g.: poll How satisfied are you? | very | somewhat | hardly',
  errQuestionTooLong: (max: number) => `The question is too long (at most ${max} characters).`,
  errTooFewOptions: 'A poll needs at least 2 options, separated by “|”.',
  errTooManyOptions: 'A poll may have at most 10 options.',
  errOptionEmpty: 'An option is empty. Separate options with “|” and leave none empty.',
  errOptionTooLong: (max: number) => `An option is too long (at most ${max} characters).`,
  errDuplicateOptions: 'Two options are the same. Each option may appear only once.',
  errOptionsNotAllowed: 'Ratings and idea prompts have no options. Leave out the “|”.',
  errUnknownFlag: (flag: string) => `I do not know the option “${flag}” (possible: --anonymous, --multi).`,
  errChannelOnly: 'This only works in a team channel.',
  errNoOpenItemHere: 'There is no open poll or idea prompt in this thread.',
  errUnknownAction: 'I do not know this action. Please reload the card.',
  errInvalidPayload: 'The card sent incomplete data. Please try again.',
  errChoiceOutOfRange: 'This option does not exist in the poll.',
  errNoChoice: 'Please choose at least one option.',
  errIdeaEmpty: 'Please write your idea into the text field.',
  errIdeaTooLong: (max: number) => `Your idea is too long (at most ${max} characters). Please shorten it.`,
  errItemNotFound: 'This poll or idea prompt does not exist (any more).',
  errItemOtherTeam: 'This card belongs to another team.',
  errNotItemTeamMember:
    'This prompt belongs to a team you are not a member of. Only members of that team can answer and see the results.',
  errMembershipUnavailable:
    'I cannot check right now whether you belong to this team, because Teams does not return its member list. Please try again in a few minutes.',
  errNotChannelMember:
    'This card belongs to a private or shared channel you are not a member of. Only members of that channel can answer, add ideas and see the results.',
  errChannelMembershipUnavailable:
    "I cannot check right now whether you belong to this channel, because Teams does not return the channel's member list. In a private or shared channel Mitwirken has to be added to the channel itself (channel › Manage apps); otherwise please try again in a few minutes.",
  errItemClosed: 'This prompt is closed. Answers are no longer possible.',
  errWrongItemKind: 'This answer does not fit this card.',
  errAnonymousFinal: 'You have already answered here anonymously. Anonymous answers cannot be changed.',
  errUnknownTarget: 'I do not know this team or channel (any more).',
  errStorageDown: 'Mitwirken is temporarily unavailable, please try again in a moment.',
  errUnexpected: 'Something went wrong. Please try again.',
  errTooManyChoices: (n) => `Please choose at most ${n}.`,
};

const en: Messages = {
  ...baseEn,
  ...wizardEn,
  ...deliveryEn,
  ...rolesEn,
  ...ideasEn,
  ...measuresEn,
  ...digestEn,
  ...privacyEn,
  ...leadersEn,
  ...exportEn,
  ...resultsEn,
  ...myIdeasEn,
  ...digestLoopEn,
  ...digestUnitsEn,
  ...exportRangeEn,
  ...resultsViewEn,
  ...menusEn,
  ...planEn,
  ...approvalsEn,
  ...ownViewEn,
  ...composeEn,
  ...councilTasksEn,
};

const catalogues: Record<Locale, Messages> = { de, en };

/** the German catalogue in the informal address: the formal one with core/texts/address-du.ts over it. */
const deDu: Messages = { ...de, ...addressDuDe };

/** the message catalogue for a locale; German in the form of address chosen by useGermanAddress (default "Sie"). */
export function messages(locale: Locale): Messages {
  if (locale === 'de' && germanAddress() === 'du') return deDu;
  return catalogues[locale];
}
