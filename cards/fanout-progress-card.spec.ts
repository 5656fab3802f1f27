import { messages } from '../core/messages';
import { buildFanoutProgressCard, MAX_LISTED_FAILURES } from './fanout-progress-card';

const de = messages('de');
const base = {
  campaignTitle: 'Gute Arbeit',
  question: 'Wie geht es dir?',
  total: 120,
  posted: 37,
  failures: [],
  done: false,
};
const text = (card: unknown) => JSON.stringify(card);

describe('buildFanoutProgressCard', () => {
  test('shows how many of how many channels are posted while the fan-out runs', () => {
    const card = buildFanoutProgressCard('de', base);
    expect(card.version).toBe('1.5');
    expect(text(card)).toContain('37 von 120 Kanälen gepostet');
    expect(text(card)).toContain(de.fanoutRunningHint);
  });

  test('sums up with the channels not reached and why', () => {
    const card = buildFanoutProgressCard('de', {
      ...base,
      posted: 118,
      done: true,
      failures: [
        { label: 'Team A › General', kind: 'gone', reason: 'Teams answered 403' },
        { label: 'Team B › Ideen', kind: 'skipped', reason: "channel 'Ideen' not found in team 'Team B'" },
      ],
    });
    expect(text(card)).toContain(de.fanoutDoneTitle('Gute Arbeit'));
    expect(text(card)).toContain(de.fanoutFailuresTitle(2));
    expect(text(card)).toContain('Team A › General');
    expect(text(card)).toContain(de.fanoutFailureGone);
  });

  test('names at most MAX_LISTED_FAILURES channels and counts the rest', () => {
    const failures = Array.from({ length: MAX_LISTED_FAILURES + 5 }, (_, i) => ({
      label: `Team ${i} › General`,
      kind: 'failed' as const,
      reason: 'x',
    }));
    const card = buildFanoutProgressCard('en', { ...base, done: true, failures });
    expect(text(card)).toContain(messages('en').fanoutMoreFailures(5));
    expect(text(card)).not.toContain(`Team ${MAX_LISTED_FAILURES} › General`);
  });

  test('says every channel was reached when nothing failed', () => {
    expect(text(buildFanoutProgressCard('de', { ...base, posted: 120, done: true }))).toContain(de.fanoutAllReached);
  });
});
