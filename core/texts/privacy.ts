/** texts of the privacy area, German first; core/messages.ts merges every area into one catalogue. */
export const privacyDe = {
  /** a second answer to the same item within a second (app/polls/answer-throttle.ts). */
  errSlowDown: 'Einen Moment bitte – Ihre letzte Antwort wird noch verarbeitet.',
  // help
  cmdMyData:
    'meine daten – zeigt, was Mitwirken über Sie gespeichert hat, mit Export und Löschen (im persönlichen Chat)',
  cmdAudit: 'audit – die letzten Aktionen von Beteiligungsmanagement und Führungskräften',
  // meine daten
  myDataTitle: 'Meine Daten bei Mitwirken',
  myDataIntro:
    'Das ist alles, was Mitwirken mit Ihrem Namen oder Ihrer Kennung gespeichert hat. Anonyme Antworten sind nicht dabei: Sie sind ohne Namen gespeichert und niemandem zuzuordnen – auch Ihnen nicht.',
  myDataVotes: 'Ihre Stimmen (nicht anonym)',
  myDataVoteLine: (question: string, choice: string) => `„${question}“: ${choice}`,
  myDataIdeas: 'Ihre Ideen (mit Namen eingereicht)',
  myDataSupports: 'Ideen, die Sie unterstützen',
  myDataVolunteering: 'Ideen, bei denen Sie mitmachen',
  myDataRoles: 'Ihre Rollen',
  myDataRoleAdmin: 'Beteiligungsmanagement (Admin)',
  myDataRoleLeader: (team: string) => `Führungskraft für ${team}`,
  myDataRoleUnitLeader: (unit: string) => `Leitung der Organisationseinheit ${unit}`,
  myDataRoleConfigured: 'Beteiligungsmanagement (in der Konfiguration eingetragen – das kann nur der Betrieb ändern)',
  myDataChat: 'Persönlicher Chat',
  myDataChatLine: (name: string, since: string) =>
    `Adresse für Nachrichten an Sie, Name „${name}“, zuletzt aktualisiert ${since}`,
  myDataNothing: 'Nichts gespeichert.',
  myDataMore: (n: number) => `… und ${n} weitere (vollständig im Export)`,
  myDataRetention: (days: number) =>
    `Stimmen, Namen und Unterstützungen werden ${days} Tage nach dem Schließen einer Abfrage gelöscht (Kampagnen können eine eigene Frist haben); danach bleiben nur zusammengefasste Ergebnisse.`,
  myDataExport: 'Exportieren (JSON)',
  myDataErase: 'Meine Daten löschen …',
  myDataExportReady: (minutes: number) =>
    `Ihr Export ist bereit. Der Link ist ${minutes} Minuten gültig; geben Sie ihn nicht weiter.`,
  myDataDownload: 'Export herunterladen',
  myDataEraseTitle: 'Wirklich alles löschen?',
  myDataEraseText:
    'Gelöscht werden: Ihre Stimmen (die Ergebnisse werden angepasst), Ihre Unterstützungen und Mitmach-Zusagen, Ihre Rollen und Ihr Eintrag für den persönlichen Chat. Ihre Ideen bleiben stehen, aber ohne Ihren Namen („ehemalige Mitarbeiterin / ehemaliger Mitarbeiter“). Anonyme Antworten bleiben, weil niemand sie Ihnen zuordnen kann. Das lässt sich nicht rückgängig machen.',
  myDataEraseConfirm: 'Ja, endgültig löschen',
  myDataEraseCancel: 'Abbrechen',
  myDataCancelled: 'Abgebrochen. Es wurde nichts gelöscht.',
  myDataErased: (votes: number, ideas: number, supports: number, volunteering: number, roles: number) =>
    `Erledigt. Gelöscht: ${votes} Stimme(n), ${supports} Unterstützung(en), ${volunteering} Mitmach-Zusage(n), ${roles} Rolle(n) und Ihr Chat-Eintrag; bei ${ideas} Idee(n) steht Ihr Name nicht mehr.`,
  errPersonalChatOnly: 'Ihre Daten zeige ich nur im persönlichen Chat. Schreiben Sie mir dort „meine daten“.',
  errEraseExpired: 'Diese Bestätigung ist abgelaufen. Öffnen Sie „meine daten“ bitte noch einmal.',
  errMyDataExportNotConfigured:
    'Der Export ist noch nicht eingerichtet: Es fehlt die öffentliche Adresse des Bots (PUBLIC_BASE_URL).',
  // audit
  auditTitle: 'Protokoll: letzte Aktionen',
  auditIntro: (n: number) => `Die letzten ${n} Einträge, neueste zuerst.`,
  auditNone: 'Noch keine Einträge.',
  auditLine: (when: string, who: string, action: string) => `${when} · ${who} · ${action}`,
  auditActions: {
    'admin.grant': 'Admin-Rechte vergeben',
    'item.post': 'Umfrage oder Ideenabfrage gepostet',
    'item.close': 'Umfrage oder Ideenabfrage geschlossen',
    'campaign.create': 'Kampagne angelegt',
    'campaign.duplicate': 'Kampagne dupliziert',
    'campaign.delete': 'Kampagnenentwurf gelöscht',
    'campaign.status': 'Kampagnenstatus geändert',
    'campaigns.reload': 'Kampagnendateien neu geladen',
    'leader.assign': 'Führungskraft zugeordnet',
    'leader.remove': 'Führungskraft entfernt',
    'leader.sync': 'Führungskräfte aus Organisationsdatei übernommen',
    'idea.status': 'Ideenstatus geändert',
    'idea.followUpPoll': 'Folgeumfrage zu Ideen gepostet',
    'export.campaign': 'Export-Link für Ergebnisse erstellt',
    'export.download': 'Ergebnisse heruntergeladen',
    'privacy.export': 'Eigene Daten exportiert',
    'privacy.erase': 'Eigene Daten gelöscht',
  } as Record<string, string>,
  auditFormerPerson: 'gelöschte Person',
  // exports
  csvAnonymousIdeasOpen: 'Anonyme Ideenabfrage noch offen – Ideen erst nach dem Schließen',
};

export const privacyEn: typeof privacyDe = {
  errSlowDown: 'One moment please – your last answer is still being processed.',
  cmdMyData: 'my data – shows what Mitwirken has stored about you, with export and erasure (in the personal chat)',
  cmdAudit: 'audit – the latest actions of participation managers and leaders',
  myDataTitle: 'My data in Mitwirken',
  myDataIntro:
    'This is everything Mitwirken has stored with your name or your id. Anonymous answers are not included: they are stored without names and cannot be linked to anyone – not even to you.',
  myDataVotes: 'Your votes (not anonymous)',
  myDataVoteLine: (question, choice) => `“${question}”: ${choice}`,
  myDataIdeas: 'Your ideas (submitted with your name)',
  myDataSupports: 'Ideas you support',
  myDataVolunteering: 'Ideas you volunteered for',
  myDataRoles: 'Your roles',
  myDataRoleAdmin: 'Participation manager (admin)',
  myDataRoleLeader: (team) => `Leader of ${team}`,
  myDataRoleUnitLeader: (unit) => `Leader of the unit ${unit}`,
  myDataRoleConfigured: 'Participation manager (set in the configuration – only operations can change that)',
  myDataChat: 'Personal chat',
  myDataChatLine: (name, since) => `Address for messages to you, name “${name}”, last updated ${since}`,
  myDataNothing: 'Nothing stored.',
  myDataMore: (n) => `… and ${n} more (all of them in the export)`,
  myDataRetention: (days) =>
    `Votes, names and supports are deleted ${days} days after a prompt closes (campaigns may set their own period); after that only aggregated results remain.`,
  myDataExport: 'Export (JSON)',
  myDataErase: 'Erase my data …',
  myDataExportReady: (minutes) => `Your export is ready. The link is valid for ${minutes} minutes; do not pass it on.`,
  myDataDownload: 'Download export',
  myDataEraseTitle: 'Really erase everything?',
  myDataEraseText:
    'This erases your votes (results are adjusted), your supports and volunteering, your roles and your personal chat record. Your ideas stay, but without your name (“former employee”). Anonymous answers stay, because nobody can link them to you. This cannot be undone.',
  myDataEraseConfirm: 'Yes, erase for good',
  myDataEraseCancel: 'Cancel',
  myDataCancelled: 'Cancelled. Nothing was erased.',
  myDataErased: (votes, ideas, supports, volunteering, roles) =>
    `Done. Erased: ${votes} vote(s), ${supports} support(s), ${volunteering} volunteering sign-up(s), ${roles} role(s) and your chat record; ${ideas} idea(s) no longer carry your name.`,
  errPersonalChatOnly: 'I show your data only in the personal chat. Write “my data” to me there.',
  errEraseExpired: 'This confirmation has expired. Please open “my data” again.',
  errMyDataExportNotConfigured: 'Export is not set up yet: the bot’s public address (PUBLIC_BASE_URL) is missing.',
  auditTitle: 'Audit log: latest actions',
  auditIntro: (n) => `The latest ${n} entries, newest first.`,
  auditNone: 'No entries yet.',
  auditLine: (when, who, action) => `${when} · ${who} · ${action}`,
  auditActions: {
    'admin.grant': 'granted admin rights',
    'item.post': 'posted a poll or idea prompt',
    'item.close': 'closed a poll or idea prompt',
    'campaign.create': 'created a campaign',
    'campaign.duplicate': 'duplicated a campaign',
    'campaign.delete': 'deleted a campaign draft',
    'campaign.status': 'changed a campaign’s status',
    'campaigns.reload': 'reloaded the campaign files',
    'leader.assign': 'assigned a leader',
    'leader.remove': 'removed a leader',
    'leader.sync': 'took leaders from the organisation file',
    'idea.status': 'changed an idea’s status',
    'idea.followUpPoll': 'posted a follow-up poll on ideas',
    'export.campaign': 'made an export link for results',
    'export.download': 'downloaded results',
    'privacy.export': 'exported own data',
    'privacy.erase': 'erased own data',
  },
  auditFormerPerson: 'erased person',
  csvAnonymousIdeasOpen: 'Anonymous idea prompt still open – ideas only after closing',
};

/** the name that replaces an author's name on their ideas when they erase their data (stored, so not localized). */
export const FORMER_EMPLOYEE = 'ehemalige Mitarbeiterin / ehemaliger Mitarbeiter';
