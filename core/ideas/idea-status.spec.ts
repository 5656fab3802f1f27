import { describeProblem } from '../problems';
import {
  checkTransition,
  decisionMessages,
  IDEA_STATUSES,
  nextStatuses,
  shorten,
  statusChangeSchema,
  statusLabel,
  type StatusChange,
} from './idea-status';

const change = (over: Partial<StatusChange> = {}): StatusChange => ({
  ideaId: 'idea-1',
  status: 'accepted',
  note: '',
  ...over,
});

describe('idea statuses', () => {
  test('labels every status in German and English', () => {
    expect(IDEA_STATUSES.map((s) => statusLabel('de', s))).toEqual([
      'neu',
      'in Prüfung',
      'angenommen',
      'in Umsetzung',
      'umgesetzt',
      'abgelehnt',
    ]);
    expect(statusLabel('en', 'review')).toBe('under review');
  });

  test('lets new and review ideas be accepted or declined', () => {
    for (const from of ['new', 'review'] as const) {
      expect(nextStatuses(from)).toEqual(expect.arrayContaining(['accepted', 'declined']));
    }
  });

  test('treats done as final except for reopening it into progress', () => {
    expect(nextStatuses('done')).toEqual(['inProgress']);
  });

  test('never leads back to new and never to the same status', () => {
    for (const from of IDEA_STATUSES) {
      expect(nextStatuses(from)).not.toContain('new');
      expect(nextStatuses(from)).not.toContain(from);
    }
  });

  test('refuses a move that is not allowed and names both statuses', () => {
    const outcome = checkTransition('de', 'new', change({ status: 'done' }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(describeProblem('de', outcome.problem)).toBe(
        'Eine Idee mit Status „neu“ kann nicht auf „umgesetzt“ wechseln.',
      );
  });

  test('refuses setting the status an idea already has', () => {
    const outcome = checkTransition('en', 'accepted', change());
    expect(outcome).toEqual({ ok: false, problem: { key: 'errIdeaStatusUnchanged', args: ['accepted'] } });
  });

  test('accepts an allowed move', () => {
    expect(checkTransition('de', 'review', change())).toEqual({ ok: true, value: change() });
  });
});

describe('statusChangeSchema', () => {
  const issue = (data: unknown) => {
    const r = statusChangeSchema.safeParse(data);
    return r.success ? undefined : r.error.issues[0]?.message;
  };

  test('trims the note and allows an empty note for every status but declined', () => {
    expect(statusChangeSchema.parse({ ideaId: 'a.b~c_1-2', status: 'accepted', note: '  gut  ' })).toEqual({
      ideaId: 'a.b~c_1-2',
      status: 'accepted',
      note: 'gut',
    });
    expect(statusChangeSchema.parse({ ideaId: 'x', status: 'done' })).toEqual({
      ideaId: 'x',
      status: 'done',
      note: '',
    });
  });

  test('requires a note for declined', () => {
    expect(issue({ ideaId: 'x', status: 'declined', note: '   ' })).toBe('errIdeaNoteRequired');
  });

  test('bounds the note at 500 characters', () => {
    expect(issue({ ideaId: 'x', status: 'accepted', note: 'a'.repeat(501) })).toBe('errIdeaNoteTooLong');
    expect(issue({ ideaId: 'x', status: 'accepted', note: 'a'.repeat(500) })).toBeUndefined();
  });

  test('refuses unknown statuses and malformed idea ids', () => {
    expect(issue({ ideaId: 'x', status: 'toString' })).toBe('errIdeaStatusUnknown');
    expect(issue({ ideaId: 'a b', status: 'done' })).toBe('errInvalidPayload');
    expect(issue({ ideaId: 'a'.repeat(121), status: 'done' })).toBe('errInvalidPayload');
  });
});

describe('decisionMessages', () => {
  test('tells a named author in private and the team in the thread', () => {
    const msgs = decisionMessages(
      'de',
      { text: 'Mehr Homeoffice', anonymous: false },
      { status: 'accepted', note: 'ab Januar' },
    );
    expect(msgs.toAuthor).toBe(
      'Ihre Idee „Mehr Homeoffice“ ist jetzt: angenommen. Begründung/Notiz: ab Januar\n\nAlle Ihre Ideen und was aus ihnen geworden ist: Schreiben Sie mir „meine ideen“.',
    );
    expect(msgs.threadReply).toBe('Entscheidung zur Idee „Mehr Homeoffice“: angenommen – ab Januar');
  });

  test('sends no author message for an anonymous idea', () => {
    const msgs = decisionMessages(
      'en',
      { text: 'Quiet room', anonymous: true },
      { status: 'declined', note: 'no space' },
    );
    expect(msgs.toAuthor).toBeUndefined();
    expect(msgs.threadReply).toBe('Decision on the idea “Quiet room”: declined – no space');
  });

  test('leaves out the note part when there is no note', () => {
    expect(decisionMessages('de', { text: 'X', anonymous: false }, { status: 'done', note: '' }).threadReply).toBe(
      'Entscheidung zur Idee „X“: umgesetzt',
    );
  });

  test('quotes long ideas shortened', () => {
    const msgs = decisionMessages(
      'de',
      { text: 'wort '.repeat(100), anonymous: false },
      { status: 'review', note: '' },
    );
    expect(msgs.threadReply.length).toBeLessThan(200);
    expect(msgs.threadReply).toContain('…“');
  });
});

describe('shorten', () => {
  test('keeps short texts and never exceeds the maximum', () => {
    expect(shorten('  kurz\n text ', 20)).toBe('kurz text');
    for (const max of [5, 10, 50])
      expect(shorten('ein langer Text mit vielen Wörtern darin'.repeat(3), max).length).toBeLessThanOrEqual(max);
  });
});
