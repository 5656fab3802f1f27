/** texts of measures (Maßnahmen), German first; core/messages.ts merges every area into one catalogue. */
export const measuresDe = {
  measureStatusLabels: {
    planned: 'geplant',
    inProgress: 'in Umsetzung',
    done: 'umgesetzt',
    deferred: 'zurückgestellt',
    dropped: 'verworfen',
  },
  errMeasureTitle: 'Bitte gib der Maßnahme einen Titel.',
  errMeasureTitleLong: 'Der Titel ist zu lang (höchstens 120 Zeichen).',
  errMeasureDescriptionLong: 'Die Beschreibung ist zu lang (höchstens 1000 Zeichen).',
  errMeasureOwner: 'Bitte wähle aus, wer die Maßnahme verantwortet.',
  errMeasureOwnerNotMember: 'Die verantwortliche Person muss Mitglied des Teams sein.',
  errMeasureDate: 'Bitte gib ein Zieldatum an (TT.MM.JJJJ).',
  errMeasureStatusUnchanged: 'Die Maßnahme hat diesen Status schon.',
  errMeasureStatusNotAllowed: 'Dieser Statuswechsel ist nicht möglich.',
  errMeasureReasonMissing: 'Bitte gib einen Grund an: Er wird allen mit der Maßnahme gezeigt.',
  errMeasureNoteLong: 'Der Text ist zu lang (höchstens 500 Zeichen).',
  errMeasureNotFound: 'Diese Maßnahme gibt es nicht (mehr).',
  errMeasureNotAllowed:
    'Maßnahmen legen Leitungen des Teams und Admins an und ändern sie; Notizen auch die Verantwortlichen.',
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
};
