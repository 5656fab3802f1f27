/**
 * texts of the staff council's own work: what waits for a member's decision (`freigaben`), a held item's "open until",
 * and the council's records in `meine daten`. German first; core/messages.ts merges every area into one catalogue.
 */
export const councilTasksDe = {
  // freigaben
  cmdCouncilApprovals: 'freigaben – zeigt alles, was noch auf Ihre Freigabe wartet',
  approvalsNoneWaiting: 'Nichts wartet auf Ihre Freigabe.',
  approvalsWaiting: (n: number) =>
    n === 1 ? 'Das wartet noch auf Ihre Freigabe:' : `Diese ${n} Vorlagen warten noch auf Ihre Freigabe:`,
  approvalsNoneWaitingCouncil: 'Nichts wartet auf eine Freigabe des Personalrats.',
  approvalsWaitingCouncil: (n: number) =>
    `${n === 1 ? 'Eine Vorlage wartet' : `${n} Vorlagen warten`} auf den Personalrat (nur zur Ansicht: entscheiden kann nur der Personalrat).`,
  // a held ad-hoc item's "open until"
  approvalItemOpenUntil: (when: string) => `Offen bis ${when}`,
  approvalItemOpenUntilExpired: (when: string) => `Offen bis ${when} (abgelaufen)`,
  adhocApprovedExpired: (question: string, when: string) =>
    `Der Personalrat hat Ihre Abfrage „${question}“ freigegeben, aber sie sollte nur bis ${when} offen sein – diese Zeit ist vorbei. Ich habe sie deshalb nicht gepostet. Bitte posten Sie sie mit einer neuen Zeit noch einmal.`,
  // meine daten
  myDataRoleCouncil: 'Personalrat (Freigaben)',
  myDataRoleCouncilFile: (file: string) => `Personalrat (Freigaben; aus der Organisationsdatei ${file})`,
  myDataCouncil: 'Ihre Freigaben als Personalrat und Ihre Vorlagen zur Freigabe',
  myDataCampaignSubject: (title: string) => `Kampagne „${title}“`,
  myDataItemSubject: (question: string) => `Abfrage „${question}“`,
  myDataDecisionApproved: (subject: string, when: string) => `${subject}: freigegeben am ${when}`,
  myDataDecisionChanges: (subject: string, when: string, comment: string) =>
    `${subject}: Änderungen erbeten am ${when} – „${comment}“`,
  myDataRequestLine: (subject: string, when: string) => `${subject}: zur Freigabe vorgelegt am ${when}`,
  myDataCouncilKept:
    'Entscheidungen des Personalrats sind Amtshandlungen des Gremiums: Sie bleiben beim Löschen Ihrer Daten mit Ihrem Namen erhalten. Ihre Vorlagen zur Freigabe bleiben auch, aber ohne Ihren Namen.',
};

export const councilTasksEn: typeof councilTasksDe = {
  cmdCouncilApprovals: 'approvals – shows everything still waiting for your approval',
  approvalsNoneWaiting: 'Nothing is waiting for your approval.',
  approvalsWaiting: (n) =>
    n === 1 ? 'This is still waiting for your approval:' : `These ${n} are still waiting for your approval:`,
  approvalsNoneWaitingCouncil: 'Nothing is waiting for the staff council’s approval.',
  approvalsWaitingCouncil: (n) =>
    `${n === 1 ? 'One version is' : `${n} versions are`} waiting for the staff council (to read only: only the staff council decides).`,
  approvalItemOpenUntil: (when) => `Open until ${when}`,
  approvalItemOpenUntilExpired: (when) => `Open until ${when} (passed)`,
  adhocApprovedExpired: (question, when) =>
    `The staff council approved your question “${question}”, but it was to be open only until ${when} – that time has passed, so I did not post it. Please post it again with a new time.`,
  myDataRoleCouncil: 'Staff council (approvals)',
  myDataRoleCouncilFile: (file) => `Staff council (approvals; from the organisation file ${file})`,
  myDataCouncil: 'Your approvals as staff council member and what you sent for approval',
  myDataCampaignSubject: (title) => `Campaign “${title}”`,
  myDataItemSubject: (question) => `Question “${question}”`,
  myDataDecisionApproved: (subject, when) => `${subject}: approved on ${when}`,
  myDataDecisionChanges: (subject, when, comment) => `${subject}: changes requested on ${when} – “${comment}”`,
  myDataRequestLine: (subject, when) => `${subject}: sent for approval on ${when}`,
  myDataCouncilKept:
    'Decisions of the staff council are official acts of the body: they stay with your name when you erase your data. What you sent for approval stays too, without your name.',
};

/** the German texts above that say "Sie", with "du" (ADDRESS=du; merged in core/texts/address-du.ts). */
export const councilTasksDuDe = {
  cmdCouncilApprovals: 'freigaben – zeigt alles, was noch auf deine Freigabe wartet',
  approvalsNoneWaiting: 'Nichts wartet auf deine Freigabe.',
  approvalsWaiting: (n: number) =>
    n === 1 ? 'Das wartet noch auf deine Freigabe:' : `Diese ${n} Vorlagen warten noch auf deine Freigabe:`,
  adhocApprovedExpired: (question: string, when: string) =>
    `Der Personalrat hat deine Abfrage „${question}“ freigegeben, aber sie sollte nur bis ${when} offen sein – diese Zeit ist vorbei. Ich habe sie deshalb nicht gepostet. Bitte poste sie mit einer neuen Zeit noch einmal.`,
  myDataCouncil: 'Deine Freigaben als Personalrat und deine Vorlagen zur Freigabe',
  myDataCouncilKept:
    'Entscheidungen des Personalrats sind Amtshandlungen des Gremiums: Sie bleiben beim Löschen deiner Daten mit deinem Namen erhalten. Deine Vorlagen zur Freigabe bleiben auch, aber ohne deinen Namen.',
};
