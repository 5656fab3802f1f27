import { composeDuDe } from './compose';
import { councilTasksDuDe } from './council-tasks';

/**
 * the informal German ("du"): for every key whose formal text (the default catalogue) says "Sie", the same text
 * with "du". messages('de') merges these over the formal catalogue when the deployment chose ADDRESS=du
 * (core/texts/address.ts). A new German text written with "Sie" needs its "du" twin here; address.spec.ts names it.
 * core/messages.ts checks each text's type against the catalogue; address.spec.ts that each key exists there.
 */
export const addressDuDe = {
  // core/messages.ts
  helpIntro: 'Mitwirken sammelt Ideen und Meinungen im Team. So sprichst du mich an (im Kanal mit @Mitwirken):',
  greetingText:
    'Ich bin Mitwirken. Ich poste Ideenabfragen und Kurzumfragen in eure Teamkanäle – antworten könnt ihr direkt auf der Karte.',
  anonymousNotice:
    'Anonym: Deine Antwort wird ohne Namen gespeichert. Niemand – auch nicht das Beteiligungsmanagement – kann sie dir zuordnen. Deshalb kannst du sie später nicht ändern. Ergebnisse erscheinen erst nach dem Schließen.',
  namedNotice: 'Nicht anonym: Deine Antwort wird mit deinem Namen gespeichert.',
  multiLabel: 'Deine Auswahl',
  ideaLabel: 'Deine Idee',
  ideaPlaceholder: 'Was schlägst du vor? (bis 1.000 Zeichen)',
  yourVote: (choice: string) => `Deine Stimme: ${choice}. Du kannst sie ändern, solange die Umfrage offen ist.`,
  yourAnonymousVote: 'Danke! Deine anonyme Stimme ist gezählt.',
  yourIdea: (text: string) => `Danke! Deine Idee ist angekommen: „${text}“`,
  yourAnonymousIdea: 'Danke! Deine Idee ist anonym angekommen.',
  anotherIdea: 'Du kannst gern noch eine Idee abschicken.',
  pickTargetNone: 'Ich bin noch in keinem Team installiert. Füge Mitwirken zuerst einem Team hinzu.',
  reminder: (when: string, n: number) =>
    `Erinnerung: Diese Abfrage schließt ${when}. Bisher ${n === 1 ? 'hat 1 Person' : `haben ${n} Personen`} geantwortet – macht mit!`,
  campaignsNone:
    'Noch keine Kampagnen. Lege Kampagnendateien im Ordner für Kampagnen ab und lade sie mit „kampagnen laden“.',
  demoNothing: 'Demo: Es gibt noch keine offene Umfrage oder Ideenabfrage. Poste zuerst eine.',
  errUnknownCommand: (word: string) => `„${word}“ kenne ich nicht. Mit „hilfe“ siehst du alle Befehle.`,
  errNoIdentity:
    'Ich kann dich nicht sicher erkennen (keine Microsoft-Entra-Kennung). Bitte nutze Mitwirken in Microsoft Teams.',
  errMissingQuestion: 'Bitte gib eine Frage an, z. B.: umfrage Wie zufrieden bist du? | sehr | eher | kaum',
  errOptionEmpty: 'Eine Option ist leer. Trenne Optionen mit „|“ und lass keine leer.',
  errOptionsNotAllowed: 'Bewertungen und Ideenabfragen haben keine Optionen. Lass das „|“ weg.',
  errUnknownAction: 'Diese Aktion kenne ich nicht. Bitte lade die Karte neu.',
  errInvalidPayload: 'Die Karte hat unvollständige Daten geschickt. Bitte versuche es noch einmal.',
  errNoChoice: 'Bitte wähle mindestens eine Option aus.',
  errIdeaEmpty: 'Bitte schreib deine Idee in das Textfeld.',
  errIdeaTooLong: (max: number) => `Deine Idee ist zu lang (höchstens ${max} Zeichen). Kürze sie bitte.`,
  errNotItemTeamMember:
    'Diese Abfrage gehört zu einem Team, in dem du nicht Mitglied bist. Antworten und Ergebnisse gibt es nur für die Mitglieder dieses Teams.',
  errMembershipUnavailable:
    'Ich kann gerade nicht prüfen, ob du zu diesem Team gehörst, weil Teams die Mitgliederliste nicht liefert. Bitte versuche es in ein paar Minuten noch einmal.',
  errNotChannelMember:
    'Diese Karte gehört zu einem privaten oder geteilten Kanal, in dem du nicht Mitglied bist. Antworten, Ideen und Ergebnisse gibt es nur für die Mitglieder dieses Kanals.',
  errChannelMembershipUnavailable:
    'Ich kann gerade nicht prüfen, ob du zu diesem Kanal gehörst, weil Teams die Mitgliederliste des Kanals nicht liefert. In einem privaten oder geteilten Kanal muss Mitwirken dem Kanal selbst hinzugefügt sein (Kanal › Apps verwalten); sonst versuche es bitte in ein paar Minuten noch einmal.',
  errAnonymousFinal: 'Du hast hier schon anonym geantwortet. Anonyme Antworten können nicht geändert werden.',
  errUnexpected: 'Da ist etwas schiefgegangen. Bitte versuche es noch einmal.',
  // core/texts/digest-loop.ts
  errFollowUpPickIdeas: 'Bitte wähle 2 bis 10 Ideen für die Abstimmung aus.',
  // core/texts/digest.ts
  digestTitle: (week: number) => `Dein Wochenüberblick – KW ${week}`,
  digestNoTeams:
    'Dir sind noch keine Teams zugeordnet. Das Beteiligungsmanagement kann das in der Organisationsdatei ändern.',
  cmdDigest: 'überblick – dein Wochenüberblick bis jetzt (für Führungskräfte)',
  errNotLeader:
    'Den Wochenüberblick bekommen Führungskräfte. Dir ist noch kein Team zugeordnet – das Beteiligungsmanagement kann das ändern.',
  // core/texts/export.ts
  exportIntro: (minutes: number) =>
    `Wähle eine Kampagne. Du bekommst einen Link zu einer CSV-Datei für Excel; er ist ${minutes} Minuten gültig.`,
  exportIntroLeader: 'Die Datei enthält nur die Ergebnisse der Teams, die du leitest.',
  exportNone: 'Es gibt noch keine Kampagne mit Posts, deren Ergebnisse du exportieren kannst.',
  // core/texts/export-range.ts
  errExportRangeDate: 'Bitte gib ein gültiges Datum an.',
  // core/texts/ideas.ts
  ideaDecisionToAuthor: (idea: string, status: string, note: string) =>
    `Deine Idee „${idea}“ ist jetzt: ${status}.${note ? ` Begründung/Notiz: ${note}` : ''}`,
  ideaDecisionToSupporter: (idea: string, status: string, note: string) =>
    `Eine Idee, die du unterstützt hast – „${idea}“ –, ist jetzt: ${status}.${note ? ` Begründung/Notiz: ${note}` : ''}`,
  errIdeaStatusUnknown: 'Diesen Status gibt es nicht. Bitte wähle einen aus der Liste.',
  errIdeaNoteRequired: 'Bitte begründe die Ablehnung kurz im Feld „Begründung/Notiz“.',
  cmdSubmitIdea: 'idee <Text> – reicht eine Idee für dein Team ein (mit deinem Namen)',
  cmdIdeas: 'ideen – zeigt die Top-Ideen deines Teams: unterstützen, „Ich mache mit“',
  ideaSubmittedForTeam: (team: string, idea: string) =>
    `Danke! Deine Idee für ${team} ist notiert: „${idea}“ Mit „ideen“ siehst du die Top-Ideen des Teams.`,
  ideaPickTeamTitle: 'Für welches Team ist deine Idee?',
  ideasPickTeamTitle: 'Die Ideen welches Teams möchtest du sehen?',
  ideaNoTeam:
    'Ich finde kein Team, in dem du Mitglied bist und Mitwirken installiert ist. Schreib „idee …“ oder „ideen“ im Kanal deines Teams (mit @Mitwirken).',
  errIdeaNamedOnly:
    'Ideen mit „idee“ reichst du mit deinem Namen ein. Anonym geht es in einer anonymen Ideenabfrage im Kanal. Schreib einfach: idee Dein Vorschlag',
  errIdeaTextMissing: 'Bitte schreib deine Idee hinter „idee“, z. B.: idee Ein fester Tag für Rückrufe',
  errIdeaWhere: 'Ideen kannst du in einem Teamkanal (mit @Mitwirken) oder im persönlichen Chat mit mir einreichen.',
  // core/texts/leaders.ts
  leaderRemovedFromFile: (file: string) =>
    `Diese Zuordnung stammt aus der Organisationsdatei ${file} und kommt beim nächsten Laden zurück – entferne sie auch dort.`,
  leaderWhoMissing:
    'Schreib dazu, wen: „leitung hinzufügen <Name, E-Mail oder ID>“ oder „leitung entfernen <Name>“. Im persönlichen Chat kannst du Team und Person auch auf einer Karte wählen.',
  leaderPickMore: (shown: number, total: number) =>
    `Es stehen die ersten ${shown} von ${total} Personen zur Wahl. Nicht dabei? Schreib „leitung hinzufügen <Name> für <Team>“.`,
  leadersNone:
    'Noch keine Führungskräfte zugeordnet. Ordne sie mit „leitung hinzufügen <wer> für <Team>“ zu oder über die Organisationsdatei (ORG_FILE).',
  errNoTeamsInstalled: 'Ich bin noch in keinem Team installiert. Füge Mitwirken zuerst einem Team hinzu.',
  errTeamAmbiguous: (team: string) => `Mehrere Teams heißen „${team}“. Bitte wähle das Team auf der Karte aus.`,
  errLeaderPickMissing: 'Bitte wähle ein Team und eine Person aus.',
  errRosterUnavailable:
    'Die Mitgliederliste des Teams ist gerade nicht abrufbar. Bitte versuche es gleich noch einmal.',
  // core/texts/measures.ts
  errMeasureTitle: 'Bitte gib der Maßnahme einen Titel.',
  errMeasureOwner: 'Bitte wähle aus, wer die Maßnahme verantwortet.',
  errMeasureDate: 'Bitte gib ein Zieldatum an (TT.MM.JJJJ).',
  errMeasureReasonMissing: 'Bitte gib einen Grund an: Er wird allen mit der Maßnahme gezeigt.',
  errMeasureNoteEmpty: 'Bitte schreib eine kurze Notiz.',
  errMeasureNoManagedTeam: 'Maßnahmen legen Leitungen des Teams und Admins an – du leitest kein Team mit Mitwirken.',
  cmdMeasures:
    'maßnahmen – zeigt die Maßnahmen des Teams (im Kanal) oder deiner Teams (im Chat): Verantwortliche, Ziel, Stand',
  measuresTitleMine: 'Maßnahmen deiner Teams',
  measuresNoTeam: 'Du gehörst zu keinem Team, in dem Mitwirken installiert ist.',
  measuresMore: (n: number) => `… und ${n} weitere. Filtere nach Status, um sie zu sehen.`,
  measureFormCheck: 'Bitte prüfe die markierten Felder.',
  measureNoteAdded: 'Deine Notiz ist gespeichert.',
  measureNoticeYourIdea: (idea: string) => `Neues zu deiner Idee „${idea}“:`,
  measureNoticeBackedIdea: (idea: string) =>
    `Neues zu einer Idee, die du unterstützt oder bei der du mitmachst („${idea}“):`,
  measureNoticeMyIdeas: 'Alle deine Ideen und was aus ihnen wurde: schreib mir „meine ideen“.',
  myDataMeasures: 'Maßnahmen, die du verantwortest, und deine Notizen dazu',
  // core/texts/my-ideas.ts
  cmdMyIdeas: 'meine ideen – deine Ideen mit Namen: Status, Maßnahme und letzte Notiz (im persönlichen Chat)',
  myIdeasIntro: 'Alle Ideen, die du mit deinem Namen eingereicht hast, und was aus ihnen geworden ist.',
  myIdeasNone:
    'Du hast noch keine Idee mit deinem Namen eingereicht. Schreib „idee“ und deinen Vorschlag, um eine zu senden.',
  myIdeasHint: 'Alle deine Ideen und was aus ihnen geworden ist: Schreib mir „meine ideen“.',
  // core/texts/privacy.ts
  errSlowDown: 'Einen Moment bitte – deine letzte Antwort wird noch verarbeitet.',
  cmdMyData:
    'meine daten – zeigt, was Mitwirken über dich gespeichert hat, mit Export und Löschen (im persönlichen Chat)',
  myDataIntro:
    'Das ist alles, was Mitwirken mit deinem Namen oder deiner Kennung gespeichert hat. Anonyme Antworten sind nicht dabei: Sie sind ohne Namen gespeichert und niemandem zuzuordnen – auch dir nicht.',
  myDataVotes: 'Deine Stimmen (nicht anonym)',
  myDataIdeas: 'Deine Ideen (mit Namen eingereicht)',
  myDataSupports: 'Ideen, die du unterstützt',
  myDataVolunteering: 'Ideen, bei denen du mitmachst',
  myDataRoles: 'Deine Rollen',
  myDataChatLine: (name: string, since: string) =>
    `Adresse für Nachrichten an dich, Name „${name}“, zuletzt aktualisiert ${since}`,
  myDataExportReady: (minutes: number) =>
    `Dein Export ist bereit. Der Link ist ${minutes} Minuten gültig; gib ihn nicht weiter.`,
  myDataEraseText:
    'Gelöscht werden: deine Stimmen (die Ergebnisse werden angepasst), deine Unterstützungen und Mitmach-Zusagen, deine Rollen und dein Eintrag für den persönlichen Chat. Deine Ideen bleiben stehen, aber ohne deinen Namen („ehemalige Mitarbeiterin / ehemaliger Mitarbeiter“). Anonyme Antworten bleiben, weil niemand sie dir zuordnen kann. Das lässt sich nicht rückgängig machen.',
  myDataErased: (votes: number, ideas: number, supports: number, volunteering: number, roles: number) =>
    `Erledigt. Gelöscht: ${votes} Stimme(n), ${supports} Unterstützung(en), ${volunteering} Mitmach-Zusage(n), ${roles} Rolle(n) und dein Chat-Eintrag; bei ${ideas} Idee(n) steht dein Name nicht mehr.`,
  errPersonalChatOnly: 'Deine Daten zeige ich nur im persönlichen Chat. Schreib mir dort „meine daten“.',
  errEraseExpired: 'Diese Bestätigung ist abgelaufen. Öffne „meine daten“ bitte noch einmal.',
  // core/texts/results-view.ts
  errResultsViewNotAllowed:
    'Ergebnisse je Einheit sehen Admins und die Leitungen von Einheiten und Teams. Du bist für keine Einheit und kein Team eingetragen.',
  errResultsViewNothing: 'Dazu gibt es in deinem Bereich keine geschlossenen Abfragen.',
  resultsPickerIntro: (min: number) =>
    `Wähle eine Kampagne oder eine geschlossene Abfrage. Ergebnisse zeigen wir für jede Gruppe erst ab ${min} Teilnehmenden.`,
  resultsPickerScopeAll: 'Du siehst die ganze Organisation.',
  resultsPickerScopePart: (names: string) => `Du siehst: ${names}.`,
  resultsPickerNone: 'Noch keine geschlossene Abfrage in deinem Bereich.',
  resultsViewScopePart: 'Dein Bereich',
  // core/texts/results.ts
  resultsBadge: 'Ihr habt gesagt – wir tun',
  cmdPostResults:
    'ergebnis posten – im Thread einer geschlossenen Abfrage: das Ergebnis als Karte an das Team („Ihr habt gesagt – wir tun“; Leitungen und Admins)',
  errResultsItemOpen: 'Diese Abfrage ist noch offen: Das Ergebnis kannst du nach dem Schließen posten.',
  errResultsNoItemHere:
    'Hier finde ich keine Abfrage. Schreib „@Mitwirken ergebnis posten“ im Thread einer geschlossenen Abfrage.',
  errResultsCampaignEmpty: 'Diese Kampagne hat in deinen Teams noch nichts gepostet.',
  errResultsMeasureNotDone:
    'Diese Maßnahme ist noch nicht umgesetzt: Ihr Ergebnis kannst du posten, wenn sie umgesetzt ist.',
  progressIntro: (team: string) => `Fortschritt im Team ${team}: aus euren Ideen werden Maßnahmen.`,
  // core/texts/roles.ts
  adminPickHint:
    'Schreib „admin hinzufügen“ und den Namen, die E-Mail-Adresse oder die ID, z. B.: admin hinzufügen anna.becker@amt.example',
  // core/texts/wizard.ts
  wizardFixErrors: 'Bitte prüfe die markierten Felder.',
  wizardNotRunning: 'Es läuft gerade kein Kampagnen-Assistent. Starte einen mit „kampagne neu“.',
  wizardPersonalOnly: 'Kampagnen planst du im persönlichen Chat mit mir: Schreib mir dort „kampagne neu“.',
  fieldQuestionPlaceholder: 'z. B. Was würde die Zusammenarbeit in deinem Team verbessern?',
  itemsNone: 'Noch keine Frage. Lege die erste an.',
  noTeams: 'Mitwirken ist noch in keinem Team installiert. Du kannst die Kampagne trotzdem für „alle Teams“ planen.',
  previewNoPosts: 'Kein Termin in der Zukunft – bitte prüfe den Zeitplan.',
  campaignDraftSaved: (title: string) =>
    `Die Kampagne „${title}“ ist als Entwurf gespeichert. Planen kannst du sie in der Kampagnenliste.`,
  errCampaignNotDraft: 'Nur Entwürfe können gelöscht werden. Beende die Kampagne stattdessen.',
  errCampaignFromFile: (file: string) => `Diese Kampagne kommt aus der Datei ${file}. Ändere sie dort.`,
  // core/texts/menus.ts
  groupChatNotSupported:
    'Mitwirken arbeitet in Teamkanälen und im persönlichen Chat. Schreib mir dort – im Kanal mit @Mitwirken, im persönlichen Chat direkt.',
  offerIdeaIntro: 'Diesen Befehl kenne ich nicht. Soll ich deine Nachricht als Idee an eines deiner Teams geben?',
  offerIdeaHelp: 'Oder schreib „hilfe“ für alle Befehle.',
  offerIdeaNoTeam:
    'Diesen Befehl kenne ich nicht. Als Idee kann ich deine Nachricht nicht weitergeben, weil Mitwirken noch in keinem deiner Teams ist. Mit „hilfe“ siehst du alle Befehle.',
  meantIdeaTitle: 'Meintest du „idee …“?',
  meantIdeaIntro: '„ideen“ zeigt die Top-Ideen des Teams. Deinen Text kann ich als Idee einreichen:',
  meantIdeaHint: 'Die Top-Ideen siehst du mit „ideen“ ohne weiteren Text.',
  // core/texts/approvals.ts
  councilPickHint:
    'Schreib „personalrat hinzufügen“ und den Namen, die E-Mail-Adresse oder die ID, z. B.: personalrat hinzufügen anna.becker@amt.example',
  approvalIntro: 'Bevor Beschäftigte gefragt werden, braucht es die Zustimmung des Personalrats. Bitte prüfe den Plan.',
  approvalCommentRequired: 'Bitte schreib, welche Änderungen du erbittest.',
  approvalYouApproved: 'Du hast diese Fassung freigegeben.',
  approvalYouRequested: (comment: string) => `Du hast Änderungen erbeten: „${comment}“`,
  errApprovalCommentRequired: 'Bitte schreib in die Anmerkung, welche Änderungen du erbittest.',
  errApprovalAlreadyDecided: 'Du hast über diese Fassung bereits entschieden.',
  adhocApprovedPosted: (question: string, target: string) =>
    `Der Personalrat hat deine Abfrage „${question}“ freigegeben; sie ist jetzt in ${target} gepostet.`,
  adhocChangesNotice: (question: string, name: string, comment: string) =>
    `Der Personalrat (${name}) erbittet Änderungen an deiner Abfrage „${question}“: „${comment}“. Sie wird nicht gepostet.`,
  // core/texts/own-view.ts
  ownVote: (choice: string) => `Deine Stimme: ${choice}`,
  ownAnonymousVoted: 'Du hast abgestimmt. Deine Stimme bleibt anonym.',
  ownIdeas: (n: number) => (n === 1 ? 'Du hast 1 Idee eingereicht.' : `Du hast ${n} Ideen eingereicht.`),
  ownAnonymousIdeas: 'Du hast hier Ideen eingereicht. Sie bleiben anonym.',
  ...composeDuDe,
  ...councilTasksDuDe,
};
