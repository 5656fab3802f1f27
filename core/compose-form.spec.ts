import { checkComposeForm, emptyComposeValues, readComposeValues, type ComposeValues } from './compose-form';

const NOW = new Date('2026-11-24T09:30:00Z');
const form = (over: Partial<ComposeValues>): ComposeValues => ({
  ...emptyComposeValues('idea'),
  question: 'Was fehlt Ihnen?',
  ...over,
});
const check = (over: Partial<ComposeValues>) => checkComposeForm(form(over), NOW, 'Europe/Berlin');

describe('the posting form', () => {
  test('reads a day without a time as the end of that day in the configured time zone', () => {
    expect(check({ closesDate: '2026-11-25' })).toMatchObject({
      ok: true,
      value: { closesAt: new Date('2026-11-25T22:59:00Z') },
    });
  });

  test('reads day and time in the configured time zone, summer time included', () => {
    expect(check({ closesDate: '2027-07-01', closesTime: '12:00' })).toMatchObject({
      ok: true,
      value: { closesAt: new Date('2027-07-01T10:00:00Z') },
    });
  });

  test('refuses an open-until more than a year ahead, and an unreadable time, under the right field', () => {
    expect(check({ closesDate: '2028-01-01' })).toEqual({
      ok: false,
      errors: { closesDate: { key: 'errFormClosesTooFar' } },
    });
    expect(check({ closesDate: '2026-11-25', closesTime: '25:99' })).toEqual({
      ok: false,
      errors: { closesTime: { key: 'errFormClosesInvalid' } },
    });
  });

  test('posts a yes/no question as a single choice marked yes/no, like a campaign’s', () => {
    expect(checkComposeForm(form({ kind: 'yesno' }), NOW, 'Europe/Berlin')).toMatchObject({
      ok: true,
      value: { draft: { kind: 'poll', pollKind: 'single', options: ['Ja', 'Nein'], yesNo: true } },
    });
  });

  test('reads untrusted data: unknown kinds, wrong types and missing fields count as empty', () => {
    expect(readComposeValues({ kind: 'vote', question: 42, options: ['a'], anonymous: 'yes' })).toEqual({
      kind: '',
      question: '42',
      options: '',
      anonymous: false,
      closesDate: '',
      closesTime: '',
    });
    expect(readComposeValues(null)).toEqual({ ...emptyComposeValues(''), kind: '' });
  });
});
