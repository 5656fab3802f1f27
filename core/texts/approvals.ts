/** texts of the staff council (Personalrat): its role, the approval of campaigns and ad-hoc items. German first. */
export const approvalsDe = {
  // the council role
  cmdAddCouncil:
    'personalrat hinzufügen <wer> – gibt einer Person die Rolle Personalrat (Freigaben, Ergebnisse, Protokoll)',
  cmdRemoveCouncil: 'personalrat entfernen <wer> – nimmt einer Person die Rolle Personalrat',
  cmdCouncil: 'personalrat – listet die Mitglieder des Personalrats',
  helpCouncilTitle: 'Für den Personalrat',
  cmdCouncilAudit: 'audit – zeigt Freigaben, Änderungen, Exporte und vergebene Rollen',
  cmdCouncilResults: 'ergebnisse – zeigt zusammengefasste Ergebnisse (mit denselben Mindestzahlen)',
  councilPickHint:
    'Schreiben Sie „personalrat hinzufügen“ und den Namen, die E-Mail-Adresse oder die ID, z. B.: personalrat hinzufügen anna.becker@amt.example',
  councilGranted: (name: string) => `${name} gehört jetzt zum Personalrat in Mitwirken.`,
  councilAlready: (name: string) => `${name} gehört bereits zum Personalrat.`,
  councilRevoked: (name: string) => `${name} gehört nicht mehr zum Personalrat in Mitwirken.`,
  councilNotMember: (name: string) => `${name} gehört nicht zum Personalrat.`,
  councilFromFile: (name: string, file: string) =>
    `${name} steht in der Organisationsdatei ${file}; bitte dort aus der Liste „council:“ entfernen.`,
  councilListTitle: 'Personalrat in Mitwirken',
  councilListNone: 'Noch niemand hat die Rolle Personalrat.',
  councilListLine: (name: string, source: string) => `• ${name} – ${source}`,
  councilSourceChat: 'im Chat vergeben',
  councilSourceFile: (file: string) => `aus ${file}`,
  councilNeeded: (needed: number) =>
    needed === 1 ? 'Für eine Freigabe genügt ein Mitglied.' : `Für eine Freigabe braucht es ${needed} Mitglieder.`,
  errNotCouncil: 'Das dürfen nur Mitglieder des Personalrats.',
  // the approval card
  approvalCampaignTitle: (title: string) => `Zur Freigabe: ${title}`,
  approvalItemTitle: 'Zur Freigabe: eine einzelne Abfrage',
  approvalPlanDownload: 'Plan herunterladen (HTML, Kampagnendatei)',
  approvalIntro:
    'Bevor Beschäftigte gefragt werden, braucht es die Zustimmung des Personalrats. Bitte prüfen Sie den Plan.',
  approvalChangedHeading: 'Geändert seit der letzten Freigabe',
  approvalRequestedBy: (name: string) => `Eingereicht von ${name}`,
  approvalStatePending: (approvals: number, needed: number) => `zur Freigabe (${approvals} von ${needed})`,
  approvalStateApproved: 'freigegeben',
  approvalStateChanges: 'Änderungen erbeten',
  approvalApprove: 'Freigeben',
  approvalRequestChanges: 'Änderungen erbitten',
  approvalCommentLabel: 'Anmerkung (für „Änderungen erbitten“ nötig)',
  approvalCommentRequired: 'Bitte schreiben Sie, welche Änderungen Sie erbitten.',
  approvalYouApproved: 'Sie haben diese Fassung freigegeben.',
  approvalYouRequested: (comment: string) => `Sie haben Änderungen erbeten: „${comment}“`,
  approvalStateLine: (state: string) => `Stand: ${state}`,
  approvalItemQuestion: 'Frage',
  approvalItemWhere: (target: string) => `Wo: ${target}`,
  approvalItemAnonymous: 'Anonym: Antworten werden ohne Namen gespeichert.',
  approvalItemNamed: 'Nicht anonym: Antworten werden mit Namen gespeichert.',
  approvalItemOptions: (options: string) => `Optionen: ${options}`,
  errApprovalCommentRequired: 'Bitte schreiben Sie in die Anmerkung, welche Änderungen Sie erbitten.',
  errApprovalOutdated:
    'Diese Fassung gilt nicht mehr: Sie wurde inzwischen geändert. Eine neue Karte zur Freigabe ist unterwegs.',
  errApprovalAlreadyDecided: 'Sie haben über diese Fassung bereits entschieden.',
  errApprovalUnknown: 'Diese Freigabe gibt es nicht (mehr).',
  // notices
  approvalChangesNotice: (title: string, name: string, comment: string) =>
    `Der Personalrat (${name}) erbittet Änderungen an „${title}“: „${comment}“. Sie wird nicht gepostet, bis eine geänderte Fassung freigegeben ist.`,
  approvalApprovedNotice: (title: string) => `Der Personalrat hat „${title}“ freigegeben.`,
  adhocHeld: (members: number) =>
    members > 0
      ? `Die Abfrage wartet auf Freigabe durch den Personalrat (${members} Mitglieder benachrichtigt). Ich poste sie, sobald sie freigegeben ist.`
      : 'Die Abfrage wartet auf Freigabe durch den Personalrat. Noch niemand hat die Rolle Personalrat: bitte mit „personalrat hinzufügen“ vergeben.',
  adhocApprovedPosted: (question: string, target: string) =>
    `Der Personalrat hat Ihre Abfrage „${question}“ freigegeben; sie ist jetzt in ${target} gepostet.`,
  adhocChangesNotice: (question: string, name: string, comment: string) =>
    `Der Personalrat (${name}) erbittet Änderungen an Ihrer Abfrage „${question}“: „${comment}“. Sie wird nicht gepostet.`,
};

export const approvalsEn: typeof approvalsDe = {
  cmdAddCouncil: 'add council <who> – gives a person the staff council role (approvals, results, audit log)',
  cmdRemoveCouncil: 'remove council <who> – takes the staff council role from a person',
  cmdCouncil: 'council – lists the members of the staff council',
  helpCouncilTitle: 'For the staff council',
  cmdCouncilAudit: 'audit – shows approvals, changes, exports and granted roles',
  cmdCouncilResults: 'results – shows aggregate results (with the same minimum numbers)',
  councilPickHint: 'Write "add council" and the name, e-mail address or id, e.g.: add council anna.becker@amt.example',
  councilGranted: (name) => `${name} is now a member of the staff council in Mitwirken.`,
  councilAlready: (name) => `${name} is already a member of the staff council.`,
  councilRevoked: (name) => `${name} is no longer a member of the staff council in Mitwirken.`,
  councilNotMember: (name) => `${name} is not a member of the staff council.`,
  councilFromFile: (name, file) =>
    `${name} is listed in the organisation file ${file}; remove them from its "council:" list.`,
  councilListTitle: 'Staff council in Mitwirken',
  councilListNone: 'Nobody has the staff council role yet.',
  councilListLine: (name, source) => `• ${name} – ${source}`,
  councilSourceChat: 'granted in chat',
  councilSourceFile: (file) => `from ${file}`,
  councilNeeded: (needed) =>
    needed === 1 ? 'One member suffices for an approval.' : `An approval needs ${needed} members.`,
  errNotCouncil: 'Only members of the staff council may do this.',
  approvalCampaignTitle: (title) => `For approval: ${title}`,
  approvalItemTitle: 'For approval: a single question',
  approvalPlanDownload: 'Download the plan (HTML, campaign file)',
  approvalIntro: 'Employees are asked only with the staff council’s consent. Please review the plan.',
  approvalChangedHeading: 'Changed since the last approval',
  approvalRequestedBy: (name) => `Submitted by ${name}`,
  approvalStatePending: (approvals, needed) => `awaiting approval (${approvals} of ${needed})`,
  approvalStateApproved: 'approved',
  approvalStateChanges: 'changes requested',
  approvalApprove: 'Approve',
  approvalRequestChanges: 'Request changes',
  approvalCommentLabel: 'Comment (needed for "Request changes")',
  approvalCommentRequired: 'Please write which changes you request.',
  approvalYouApproved: 'You approved this version.',
  approvalYouRequested: (comment) => `You requested changes: "${comment}"`,
  approvalStateLine: (state) => `Status: ${state}`,
  approvalItemQuestion: 'Question',
  approvalItemWhere: (target) => `Where: ${target}`,
  approvalItemAnonymous: 'Anonymous: answers are stored without names.',
  approvalItemNamed: 'Not anonymous: answers are stored with names.',
  approvalItemOptions: (options) => `Options: ${options}`,
  errApprovalCommentRequired: 'Please write in the comment which changes you request.',
  errApprovalOutdated:
    'This version no longer applies: it has been changed since. A new card for approval is on its way.',
  errApprovalAlreadyDecided: 'You have already decided on this version.',
  errApprovalUnknown: 'This approval does not exist (any more).',
  approvalChangesNotice: (title, name, comment) =>
    `The staff council (${name}) requests changes to "${title}": "${comment}". It will not be posted until a changed version is approved.`,
  approvalApprovedNotice: (title) => `The staff council approved "${title}".`,
  adhocHeld: (members) =>
    members > 0
      ? `The question awaits the staff council’s approval (${members} members notified). I will post it once it is approved.`
      : 'The question awaits the staff council’s approval. Nobody has the staff council role yet: grant it with "add council".',
  adhocApprovedPosted: (question, target) =>
    `The staff council approved your question "${question}"; it is now posted in ${target}.`,
  adhocChangesNotice: (question, name, comment) =>
    `The staff council (${name}) requests changes to your question "${question}": "${comment}". It will not be posted.`,
};
