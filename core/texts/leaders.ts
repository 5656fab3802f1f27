/** texts about leaders (Führungskräfte) and the organisation file, German first; core/messages.ts merges every area. */
export const leadersDe = {
  cmdAddLeader:
    'leitung hinzufügen <wer> [für <Team>] – macht eine Person zur Führungskraft eines Teams; sie bekommt den Wochenüberblick',
  cmdRemoveLeader: 'leitung entfernen <wer> [für <Team>] – nimmt diese Zuordnung zurück',
  cmdLeaders: 'leitungen – zeigt die Führungskräfte je Team und wer sie zugeordnet hat',
  leaderAssigned: (name: string, team: string) =>
    `${name} ist jetzt Führungskraft von ${team} und bekommt ab sofort den Wochenüberblick.`,
  leaderAlready: (name: string, team: string) => `${name} ist bereits Führungskraft von ${team}.`,
  leaderRemoved: (name: string, team: string) => `${name} ist nicht mehr Führungskraft von ${team}.`,
  leaderRemovedFromFile: (file: string) =>
    `Diese Zuordnung stammt aus der Organisationsdatei ${file} und kommt beim nächsten Laden zurück – entfernen Sie sie auch dort.`,
  leaderWhoMissing:
    'Schreiben Sie dazu, wen: „leitung hinzufügen <Name, E-Mail oder ID>“ oder „leitung entfernen <Name>“. Im persönlichen Chat können Sie Team und Person auch auf einer Karte wählen.',
  leaderPickAddTitle: 'Wen soll ich zur Führungskraft machen – und für welches Team?',
  leaderPickRemoveTitle: 'Welche Zuordnung soll ich entfernen?',
  leaderPickHint: 'Die Person muss Mitglied des gewählten Teams sein.',
  leaderPickTeam: 'Team',
  leaderPickMember: 'Person',
  leaderPickAdd: 'Zuordnen',
  leaderPickRemove: 'Entfernen',
  leaderPickMore: (shown: number, total: number) =>
    `Es stehen die ersten ${shown} von ${total} Personen zur Wahl. Nicht dabei? Schreiben Sie „leitung hinzufügen <Name> für <Team>“.`,
  leadersTitle: 'Führungskräfte je Team',
  leadersNone:
    'Noch keine Führungskräfte zugeordnet. Ordnen Sie sie mit „leitung hinzufügen <wer> für <Team>“ zu oder über die Organisationsdatei (ORG_FILE).',
  leadersTeamEmpty: (team: string) => `${team}: noch keine Führungskraft`,
  leadersTeam: (team: string, lines: string) => `**${team}**\n\n${lines}`,
  leadersLine: (name: string, by: string, when: string) => `• ${name} – zugeordnet von ${by} am ${when}`,
  leadersByFile: (file: string) => `Organisationsdatei ${file}`,
  orgFileLoaded: (file: string, total: number, added: number, removed: number) =>
    `Organisationsdatei ${file}: ${total} Zuordnung(en) aus der Datei, ${added} neu, ${removed} entfernt.`,
  orgFileRejected: (file: string, n: number) =>
    `Organisationsdatei ${file} abgelehnt (${n} Fehler) – die bisherigen Zuordnungen bleiben unverändert.`,
  orgFileUnresolved: (n: number) => `${n} Eintrag/Einträge der Organisationsdatei konnte(n) nicht zugeordnet werden:`,
  orgFileEntryErrors: (n: number) =>
    `${n} Fehler in Einträgen der Organisationsdatei – diese Einträge wurden übersprungen, alle anderen gelten:`,
  orgUnitsLoaded: (units: number, leaders: number) =>
    `Organisationseinheiten: ${units}, mit ${leaders} Leitung(en) aus der Datei.`,
  errNoTeamsInstalled: 'Ich bin noch in keinem Team installiert. Fügen Sie Mitwirken zuerst einem Team hinzu.',
  errTeamNotFound: (team: string, known: string) =>
    `Ein Team „${team}“ kenne ich nicht. Ich bin in diesen Teams: ${known}.`,
  errTeamAmbiguous: (team: string) => `Mehrere Teams heißen „${team}“. Bitte wählen Sie das Team auf der Karte aus.`,
  errPersonNotInTeam: (who: string, team: string) =>
    `„${who}“ ist kein Mitglied von ${team}. Führungskräfte müssen Mitglied des Teams sein.`,
  errNotLeaderOfTeam: (who: string, team: string) => `„${who}“ ist keine Führungskraft von ${team}.`,
  errNotLeaderAnywhere: (who: string) => `„${who}“ ist keinem Team als Führungskraft zugeordnet.`,
  errLeaderPickMissing: 'Bitte wählen Sie ein Team und eine Person aus.',
  errRosterUnavailable:
    'Die Mitgliederliste des Teams ist gerade nicht abrufbar. Bitte versuchen Sie es gleich noch einmal.',
};

export const leadersEn: typeof leadersDe = {
  cmdAddLeader: 'add leader <who> [to <team>] – makes a person a leader of a team; they get the weekly digest',
  cmdRemoveLeader: 'remove leader <who> [from <team>] – takes that assignment back',
  cmdLeaders: 'leaders – lists the leaders of each team and who assigned them',
  leaderAssigned: (name, team) => `${name} is now a leader of ${team} and gets the weekly digest from now on.`,
  leaderAlready: (name, team) => `${name} is already a leader of ${team}.`,
  leaderRemoved: (name, team) => `${name} is no longer a leader of ${team}.`,
  leaderRemovedFromFile: (file) =>
    `This assignment comes from the organisation file ${file} and returns on the next reload – remove it there too.`,
  leaderWhoMissing:
    'Add whom: "add leader <name, e-mail or id>" or "remove leader <name>". In the personal chat you can also pick the team and the person on a card.',
  leaderPickAddTitle: 'Whom shall I make a leader – and of which team?',
  leaderPickRemoveTitle: 'Which assignment shall I remove?',
  leaderPickHint: 'The person must be a member of the chosen team.',
  leaderPickTeam: 'Team',
  leaderPickMember: 'Person',
  leaderPickAdd: 'Assign',
  leaderPickRemove: 'Remove',
  leaderPickMore: (shown, total) =>
    `The first ${shown} of ${total} people are offered. Not there? Write "add leader <name> to <team>".`,
  leadersTitle: 'Leaders per team',
  leadersNone:
    'No leaders assigned yet. Assign them with "add leader <who> to <team>" or in the organisation file (ORG_FILE).',
  leadersTeamEmpty: (team) => `${team}: no leader yet`,
  leadersTeam: (team, lines) => `**${team}**\n\n${lines}`,
  leadersLine: (name, by, when) => `• ${name} – assigned by ${by} on ${when}`,
  leadersByFile: (file) => `organisation file ${file}`,
  orgFileLoaded: (file, total, added, removed) =>
    `Organisation file ${file}: ${total} assignment(s) from the file, ${added} new, ${removed} removed.`,
  orgFileRejected: (file, n) =>
    `Organisation file ${file} rejected (${n} error(s)) – the current assignments stay as they are.`,
  orgFileUnresolved: (n) => `${n} entry/entries of the organisation file could not be assigned:`,
  orgFileEntryErrors: (n) =>
    `${n} error(s) in entries of the organisation file – these entries were skipped, all others apply:`,
  orgUnitsLoaded: (units, leaders) => `Organisational units: ${units}, with ${leaders} leader(s) from the file.`,
  errNoTeamsInstalled: 'I am not installed in any team yet. Add Mitwirken to a team first.',
  errTeamNotFound: (team, known) => `I do not know a team "${team}". I am in these teams: ${known}.`,
  errTeamAmbiguous: (team) => `Several teams are called "${team}". Please pick the team on the card.`,
  errPersonNotInTeam: (who, team) => `"${who}" is not a member of ${team}. Leaders must be members of the team.`,
  errNotLeaderOfTeam: (who, team) => `"${who}" is not a leader of ${team}.`,
  errNotLeaderAnywhere: (who) => `"${who}" is not assigned to any team as a leader.`,
  errLeaderPickMissing: 'Please pick a team and a person.',
  errRosterUnavailable: 'The team’s member list cannot be read right now. Please try again in a moment.',
};
