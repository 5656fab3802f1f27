/**
 * the manifest's German texts in the informal address ("du"), keyed by their formal text in manifest.template.json.
 * buildManifest swaps them in when the deployment chose ADDRESS=du; manifest.spec.ts checks every key still occurs.
 */
export const MANIFEST_DU: Readonly<Record<string, string>> = {
  'Mitwirken bringt die Beteiligung der Beschäftigten in Microsoft Teams. Stellen Sie Ihrem Team im Kanal eine Frage und sammeln Sie Ideen, oder posten Sie über das Eingabefeld („+“ › Mitwirken) eine Kurzumfrage oder eine 1–5-Bewertung. Alle antworten direkt in der Karte, auf Wunsch anonym. Führungskräfte erhalten jede Woche einen Überblick über die Rückmeldungen aus ihren Teams, und Beteiligungsverantwortliche planen Kampagnen für viele Teams zugleich. Im Kanal sprechen Sie den Bot mit @Mitwirken an, im persönlichen Chat direkt. Schreiben Sie „hilfe“, um alle Befehle zu sehen.':
    'Mitwirken bringt die Beteiligung der Beschäftigten in Microsoft Teams. Stell deinem Team im Kanal eine Frage und sammle Ideen, oder poste über das Eingabefeld („+“ › Mitwirken) eine Kurzumfrage oder eine 1–5-Bewertung. Alle antworten direkt in der Karte, auf Wunsch anonym. Führungskräfte erhalten jede Woche einen Überblick über die Rückmeldungen aus ihren Teams, und Beteiligungsverantwortliche planen Kampagnen für viele Teams zugleich. Im Kanal sprichst du den Bot mit @Mitwirken an, im persönlichen Chat direkt. Schreib „hilfe“, um alle Befehle zu sehen.',
  'Eine Idee für Ihr Team einreichen: idee Ihr Vorschlag': 'Eine Idee für dein Team einreichen: idee Dein Vorschlag',
  'Eine Idee für dieses Team einreichen: idee Ihr Vorschlag':
    'Eine Idee für dieses Team einreichen: idee Dein Vorschlag',
  'Maßnahmen Ihrer Teams: Verantwortliche, Zieldatum, Stand':
    'Maßnahmen deiner Teams: Verantwortliche, Zieldatum, Stand',
  'Was über Sie gespeichert ist: ansehen, exportieren, löschen':
    'Was über dich gespeichert ist: ansehen, exportieren, löschen',
  'Ihre Ideen: Status, Maßnahme, letzte Notiz': 'Deine Ideen: Status, Maßnahme, letzte Notiz',
  'Die Frage an Ihr Team': 'Die Frage an dein Team',
};
