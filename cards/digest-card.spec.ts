import { assembleDigest, type DigestInput, type DigestTeamInput } from '../core/digest/digest';
import { trendWeeks } from '../core/digest/digest-week';
import { parsePayload, VERBS } from '../core/card-actions';
import { IDEA_VERBS, parseIdeaPayload } from '../core/ideas/idea-actions';
import type { IdeaView } from '../core/ideas/idea-view';
import { messages } from '../core/messages';
import { buildDigestCard } from './digest-card';
import type { AdaptiveCard } from './render';
import { nodes, ofType, textBlocks, type CardNode as Node } from '../test/support/card-nodes';
import { ideaViewMaker, SAMPLE_WEEK, sampleDigestInput, sampleDigestTeam } from '../test/support/sample-items';

const texts = textBlocks;

const WEEK = SAMPLE_WEEK;
const weeks = trendWeeks(WEEK);
const idea = ideaViewMaker({ from: new Date(Date.UTC(2026, 10, 24)), promptParticipants: 9, supportCount: (n) => n });
const closedAt = new Date('2026-11-26T10:00:00Z');
const team = (over: Partial<DigestTeamInput> = {}): DigestTeamInput =>
  sampleDigestTeam({
    participantsByWeek: { ...Object.fromEntries(weeks.map((w) => [w, 10])), [weeks[2]!]: 3 },
    newIdeas: [
      idea({ authorName: 'Ben Schulz', volunteers: [{ name: 'Cem' }] }),
      idea({ anonymous: true, authorName: 'Geheim', volunteers: [{ name: 'Dora' }] }),
    ],
    closedItems: [
      {
        itemId: 'p1',
        question: 'Wie zufrieden?',
        kind: 'poll',
        pollKind: 'single',
        anonymous: false,
        options: ['sehr', 'kaum'],
        tally: { counts: [4, 2], voters: 6 },
        participants: 6,
        closedAt,
      },
      {
        itemId: 'p2',
        question: 'Zu klein?',
        kind: 'poll',
        pollKind: 'single',
        anonymous: true,
        options: ['a', 'b'],
        tally: { counts: [1, 1], voters: 2 },
        participants: 2,
        closedAt,
      },
    ],
    openItems: [{ itemId: 'o1', question: 'Was noch?', closesAt: new Date('2026-12-02T16:00:00Z') }],
    ...over,
  });
const digestInput = (teams: DigestTeamInput[], over: Partial<DigestInput> = {}): DigestInput =>
  sampleDigestInput(teams, { leader: { id: 'aad-anna', name: 'Anna' }, ...over });
const card = (teams = [team()], over: Partial<DigestInput> = {}) => {
  const digest = assembleDigest(digestInput(teams, over));
  return buildDigestCard(digest, digest.locale);
};

describe('buildDigestCard', () => {
  test('titles the card with the calendar week and marks an interim digest', () => {
    expect(texts(card())).toContain('Ihr Wochenüberblick – KW 48');
    expect(texts(card())).not.toContain(messages('de').digestInterim);
    expect(texts(card([team()], { interim: true }))).toContain(messages('de').digestInterim);
  });

  test('writes the card in English for the English locale', () => {
    const c = card([team()], { locale: 'en' });
    expect(texts(c)).toEqual(
      expect.arrayContaining(['Your week at a glance – week 48', 'Participation: 10 of 20 (50 %)']),
    );
    expect(texts(c)).not.toContain('Ihr Wochenüberblick – KW 48');
  });

  test('shows participation and says "fewer than 5" for a small week', () => {
    expect(texts(card())).toContain('Beteiligung: 10 von 20 (50 %)');
    const small = card([team({ participantsByWeek: { [WEEK]: 4 } })]);
    expect(texts(small)).toContain('Beteiligung: weniger als 5 Personen');
    expect(texts(small).join(' ')).not.toContain('4 von 20');
  });

  test('draws the trend without hidden weeks and explains the gap in the fallback', () => {
    const [chart] = ofType(card(), 'Chart.VerticalBar');
    expect((chart!.data as Node[]).map((d) => d.x)).toEqual([
      'KW 41',
      'KW 42',
      'KW 44',
      'KW 45',
      'KW 46',
      'KW 47',
      'KW 48',
    ]);
    expect((chart!.data as Node[])[0]!.y).toBe(50);
    expect((chart!.fallback as Node).text).toContain('KW 43: –');
  });

  test('gives every chart a fallback, the poll results a ColumnSet', () => {
    const c = card();
    const charts = nodes(c).filter((n) => typeof n.type === 'string' && n.type.startsWith('Chart.'));
    expect(charts.length).toBeGreaterThanOrEqual(2);
    for (const chart of charts) expect(chart.fallback).toBeDefined();
    const [bars] = ofType(c, 'Chart.HorizontalBar');
    expect(bars!.data).toEqual([
      { x: 'sehr', y: 4 },
      { x: 'kaum', y: 2 },
    ]);
    expect((bars!.fallback as Node).type).toBe('ColumnSet');
    expect(texts(c)).toContain(messages('de').digestNoResult(5));
  });

  test('offers a status form per idea whose button parses as an ideaStatus payload', () => {
    const c = card();
    const statusForm = (n: Node) => ofType(n.card as AdaptiveCard, 'Action.Execute')[0]?.verb === IDEA_VERBS.ideaStatus;
    const shows = ofType(c, 'Action.ShowCard').filter(statusForm);
    expect(shows).toHaveLength(2);
    const ids = ofType(c, 'Input.ChoiceSet').map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [first] = shows;
    const inner = first!.card as Node;
    const [choice] = ofType(inner as AdaptiveCard, 'Input.ChoiceSet');
    const [note] = ofType(inner as AdaptiveCard, 'Input.Text');
    const [save] = ofType(inner as AdaptiveCard, 'Action.Execute');
    expect(save!.verb).toBe(IDEA_VERBS.ideaStatus);
    const submitted = {
      ...(save!.data as object),
      [choice!.id as string]: 'declined',
      [note!.id as string]: 'zu teuer',
    };
    expect(parseIdeaPayload(IDEA_VERBS.ideaStatus, submitted)).toMatchObject({
      ok: true,
      value: { status: 'declined', note: 'zu teuer' },
    });
    expect(choice!.label).toBe(messages('de').ideaNewStatus);
    expect(note!.label).toBe(messages('de').ideaNoteLabel);
  });

  test('uses only idea verbs and the team-wide vote over picked ideas', () => {
    const verbs = ofType(card(), 'Action.Execute').map((a) => a.verb);
    expect(verbs.length).toBeGreaterThan(0);
    for (const verb of verbs) expect([...Object.values(IDEA_VERBS), VERBS.followUpPollTeam]).toContain(verb);
  });

  test('offers a vote over the team’s open ideas whose button parses as a followUpPollTeam payload', () => {
    const [form] = ofType(card(), 'Action.ShowCard').filter(
      (n) => ofType(n.card as AdaptiveCard, 'Action.Execute')[0]?.verb === VERBS.followUpPollTeam,
    );
    const inner = form!.card as AdaptiveCard;
    const [ideas] = ofType(inner, 'Input.ChoiceSet');
    const [picks] = ofType(inner, 'Input.Number');
    const [post] = ofType(inner, 'Action.Execute');
    const submitted = { ...(post!.data as object), [ideas!.id as string]: ideas!.value, [picks!.id as string]: '1' };
    const parsed = parsePayload(VERBS.followUpPollTeam, submitted);
    expect(parsed.ok && parsed.value.ideaIds.length).toBeGreaterThanOrEqual(2);
    expect(parsePayload(VERBS.followUpPollTeam, { ...submitted, [ideas!.id as string]: 'idea-1' })).toMatchObject({
      ok: false,
      problem: { key: 'errFollowUpPickIdeas' },
    });
  });

  test('names the author and volunteers of named ideas, never of anonymous ones', () => {
    const all = texts(card()).join('\n');
    expect(all).toContain('von Ben Schulz');
    expect(all).toContain('Machen mit: Cem');
    expect(all).not.toContain('Geheim');
    expect(all).not.toContain('Dora');
    expect(all).toContain(messages('de').ideaVolunteerCount(1));
  });

  test('lists open items with their closing time', () => {
    expect(texts(card()).some((t) => t.startsWith('• Was noch? – schließt 02.12.2026'))).toBe(true);
  });

  test('stays under 28 KB with five teams of five long ideas, long polls and open items', () => {
    const longIdea = (over: Partial<IdeaView> = {}) =>
      idea({
        text: 'Ü'.repeat(1000),
        authorName: 'N'.repeat(80),
        volunteers: Array.from({ length: 30 }, (_, i) => ({ name: `Person ${i} ${'x'.repeat(30)}` })),
        ...over,
      });
    const poll = (i: number) => ({
      itemId: `p${i}`,
      question: 'ß'.repeat(500),
      kind: 'poll' as const,
      pollKind: 'single' as const,
      anonymous: false,
      options: Array.from({ length: 10 }, (_, k) => `${k}`.padEnd(100, 'ä')),
      tally: { counts: [9, 8, 7, 6, 5, 4, 3, 2, 1, 1], voters: 46 },
      participants: 46,
      closedAt,
    });
    const teams = Array.from({ length: 5 }, (_, t) =>
      team({
        teamId: `t${t}`,
        teamName: 'T'.repeat(200),
        newIdeas: Array.from({ length: 5 }, () => longIdea()),
        closedItems: Array.from({ length: 5 }, (_, i) => poll(i)),
        openItems: Array.from({ length: 5 }, (_, i) => ({
          itemId: `o${i}`,
          question: 'q'.repeat(500),
          closesAt: closedAt,
        })),
      }),
    );
    for (const locale of ['de', 'en'] as const) {
      const c = card(teams, { locale });
      expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(28 * 1024);
      expect(ofType(c, 'Action.ShowCard')).toHaveLength(25);
    }
  });

  test('says when no team is assigned', () => {
    expect(texts(card([]))).toContain(messages('de').digestNoTeams);
  });
});
