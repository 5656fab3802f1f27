import { assembleDigest } from '../core/digest/digest';
import { trendWeeks } from '../core/digest/digest-week';
import type { IdeaView } from '../core/ideas/idea-view';
import type { Item } from '../core/items';
import { messages } from '../core/messages';
import { activeMarkdown, markdownTexts, nodes, ofType, shown } from '../test/support/card-nodes';
import { sampleIdeaView, samplePoll } from '../test/support/sample-items';
import { buildAuditCard } from './audit-card';
import { buildCampaignListCard } from './campaign-list-card';
import { buildWizardCard, type WizardCardInput } from './campaign-wizard-card';
import { buildDigestCard } from './digest-card';
import { buildExportListCard, buildExportReadyCard } from './export-card';
import { buildFanoutProgressCard } from './fanout-progress-card';
import { buildGreetingCard } from './help-card';
import { buildIdeasCard } from './ideas-card';
import { buildItemCard, type ItemCardInput } from './item-card';
import { buildLeaderListCard } from './leader-list-card';
import { buildLeaderPickerCard } from './leader-picker-card';
import { buildMessageCard } from './message-card';
import { buildMyDataCard } from './my-data-card';
import type { AdaptiveCard } from './render';
import { buildStatusChangeResultCard } from './status-change-result-card';
import { buildTargetPickerCard } from './target-picker-card';
import { buildTeamChoiceCard } from './team-choice-card';

// texts people typed that would format in Teams if a card passed them on as Markdown.
const IDEA = '**WICHTIG:** [hier neu anmelden](https://evil.example)';
const NAME = '_Chef_ [Admin](https://x.example)';
const QUESTION = '1. **Pflicht:** <at>Alle</at> antworten';
const OPTION = '- [Ja](https://evil.example)';
const TEAM = '# Team **Recht**';
const NOTE = '> ~~abgelehnt~~, siehe `intranet`';
const TITLE = '**Kampagne** [Umfrage](https://x.example)';

/** Markdown in the card's texts that Teams would format; a card passes people's texts on as plain text, so none. */
const formatting = (card: AdaptiveCard) => markdownTexts(card).flatMap(activeMarkdown);
/** the same for the wizard, which numbers its questions as a Markdown list on purpose ("1. Umfrage: …"). */
const wizardFormatting = (card: AdaptiveCard) =>
  markdownTexts(card)
    .map((t) => t.replace(/^[0-9]+\. /, ''))
    .flatMap(activeMarkdown);
/** what a reader sees of the card's Markdown texts: people's texts appear in it exactly as typed. */
const seen = (card: AdaptiveCard) => markdownTexts(card).map(shown).join('\n');
/** the titles of buttons and choices, which Teams shows as they are. */
const titles = (card: AdaptiveCard) =>
  nodes(card)
    .filter((n) => n.type !== 'TextBlock' && typeof n.title === 'string')
    .map((n) => n.title as string);

const idea = (over: Partial<IdeaView> = {}): IdeaView =>
  sampleIdeaView({ text: IDEA, supportCount: 3, volunteers: [{ name: NAME }], authorName: NAME, ...over });

describe('texts people wrote, on the ideas card', () => {
  const card = buildIdeasCard({
    locale: 'de',
    teamName: TEAM,
    ideas: [idea()],
    minGroupSizeText: 5,
    viewer: { supported: [], volunteered: [], canManage: true },
  });

  test('shows an idea, its author and its volunteers exactly as typed, without bold text or links', () => {
    expect(formatting(card)).toEqual([]);
    expect(seen(card)).toContain(IDEA);
    expect(seen(card)).toContain(messages('de').ideaByAuthor(NAME));
    expect(seen(card)).toContain(messages('de').ideaVolunteerNames(NAME));
    expect(seen(card)).toContain(messages('de').ideasTitle(TEAM));
  });

  test('shows a notice that quotes a person’s idea as plain text', () => {
    const noticed = buildIdeasCard({
      locale: 'de',
      teamName: 'Team Recht',
      ideas: [],
      minGroupSizeText: 5,
      viewer: { supported: [], volunteered: [], canManage: false },
      notice: { kind: 'good', text: messages('de').ideaSubmittedForTeam('Team Recht', IDEA) },
    });
    expect(formatting(noticed)).toEqual([]);
    expect(seen(noticed)).toContain(IDEA);
  });
});

describe('texts people wrote, in the leader digest', () => {
  const WEEK = '2026-W48';
  const closedAt = new Date('2026-11-26T10:00:00Z');
  const digestOf = (locale: 'de' | 'en') =>
    assembleDigest({
      leader: { id: 'aad-anna', name: NAME },
      week: WEEK,
      interim: false,
      timeZone: 'Europe/Berlin',
      locale,
      minGroupSize: 5,
      minGroupSizeText: 5,
      teams: [
        {
          teamId: 't1',
          teamName: TEAM,
          memberCount: 20,
          participantsByWeek: Object.fromEntries(trendWeeks(WEEK).map((w) => [w, 10])),
          newIdeas: [idea()],
          closedItems: [
            {
              itemId: 'p1',
              question: QUESTION,
              kind: 'poll',
              pollKind: 'single',
              anonymous: false,
              options: [OPTION, 'nein'],
              tally: { counts: [4, 2], voters: 6 },
              participants: 6,
              closedAt,
            },
            { itemId: 'p2', question: NOTE, kind: 'idea', anonymous: false, options: [], participants: 7, closedAt },
          ],
          openItems: [{ itemId: 'o1', question: QUESTION, closesAt: new Date('2026-12-02T16:00:00Z') }],
        },
      ],
    });

  test.each(['de', 'en'] as const)(
    'shows team names, ideas, names, questions and options exactly as typed, without formatting (%s)',
    (locale) => {
      const card = buildDigestCard(digestOf(locale));
      expect(formatting(card)).toEqual([]);
      for (const typed of [TEAM, IDEA, NAME, QUESTION, OPTION, NOTE]) expect(seen(card)).toContain(typed);
      // charts show no Markdown: their title and bars carry the question and options as typed.
      const [bars] = ofType(card, 'Chart.HorizontalBar');
      expect(bars).toMatchObject({
        title: QUESTION,
        data: [
          { x: OPTION, y: 4 },
          { x: 'nein', y: 2 },
        ],
      });
    },
  );
});

describe('texts people wrote, on poll and idea prompt cards', () => {
  const poll = (over: Partial<Item> = {}): Item =>
    samplePoll({ question: QUESTION, options: [OPTION, TEAM, 'nein'], ...over });
  const card = (item: Item, over: Partial<ItemCardInput> = {}) =>
    buildItemCard({
      item,
      locale: 'de',
      participants: 6,
      minGroupSize: 5,
      timeZone: 'Europe/Berlin',
      tally: { counts: item.options.map(() => 0), voters: 0 },
      ...over,
    });

  test('an open poll shows the question as typed and keeps the options, as button titles, unchanged', () => {
    const open = card(poll());
    expect(formatting(open)).toEqual([]);
    expect(seen(open)).toContain(QUESTION);
    expect(titles(open)).toEqual([OPTION, TEAM, 'nein']);
  });

  test('an open poll with many options keeps them unchanged as choice titles', () => {
    const many = card(poll({ pollKind: 'multi' }));
    expect(formatting(many)).toEqual([]);
    expect(
      ofType(many, 'Input.ChoiceSet').flatMap((c) => (c.choices as { title: string }[]).map((x) => x.title)),
    ).toEqual([OPTION, TEAM, 'nein']);
  });

  test('a closed poll shows the question and every option of the result as typed, without formatting', () => {
    const closed = card(poll({ status: 'closed' }), { tally: { counts: [4, 1, 1], voters: 6 } });
    expect(formatting(closed)).toEqual([]);
    for (const typed of [QUESTION, OPTION, TEAM]) expect(seen(closed)).toContain(typed);
  });

  test('an idea prompt, open or closed, shows its question as typed', () => {
    for (const status of ['open', 'closed'] as const) {
      const prompt = card(poll({ kind: 'idea', pollKind: undefined, options: [], status }), { ideaCount: 3 });
      expect(formatting(prompt)).toEqual([]);
      expect(seen(prompt)).toContain(QUESTION);
    }
  });

  test('the confirmation on the card quotes a person’s idea or vote as plain text', () => {
    const m = messages('de');
    const confirmed = [
      card(poll({ kind: 'idea', pollKind: undefined, options: [] }), {
        notice: { kind: 'good', text: m.yourIdea(IDEA) },
      }),
      card(poll(), { notice: { kind: 'good', text: m.yourVote(OPTION) } }),
    ];
    for (const c of confirmed) expect(formatting(c)).toEqual([]);
    expect(seen(confirmed[0]!)).toContain(IDEA);
    expect(seen(confirmed[1]!)).toContain(OPTION);
  });
});

describe('texts people wrote, on the other cards', () => {
  const m = messages('de');
  const cards: [string, AdaptiveCard, string[]][] = [
    [
      'the status change result',
      buildStatusChangeResultCard('de', {
        ideaText: IDEA,
        status: 'declined',
        note: NOTE,
        anonymous: false,
        threadReplied: true,
        supportersNotified: 1,
      }),
      [IDEA, NOTE],
    ],
    [
      'the team choice for an idea',
      buildTeamChoiceCard('de', { kind: 'idea', ideaText: IDEA, key: 'k' }, [{ teamId: 't1', name: TEAM }]),
      [IDEA],
    ],
    [
      'the target picker',
      buildTargetPickerCard(
        'de',
        { kind: 'poll', pollKind: 'single', question: QUESTION, options: [OPTION, 'nein'], anonymous: false },
        [{ teamId: 't', channelId: 'c', label: TEAM }],
      ),
      [QUESTION, OPTION],
    ],
    [
      'the campaign list',
      buildCampaignListCard(
        'de',
        [
          {
            id: 'c-1',
            title: TITLE,
            status: 'running',
            posted: 1,
            skipped: 1,
            lastSkip: { at: new Date('2026-11-20T10:00:00Z'), reason: NOTE },
          },
        ],
        {
          timeZone: 'Europe/Berlin',
          notice: m.campaignDuplicated(TITLE),
        },
      ),
      [TITLE, NOTE],
    ],
    [
      'the export list',
      buildExportListCard('de', [{ id: 'c-1', title: TITLE, status: 'ended', posts: 3 }], {
        leaderOnly: true,
        linkMinutes: 15,
      }),
      [TITLE],
    ],
    [
      'the export download',
      buildExportReadyCard('de', {
        campaignTitle: TITLE,
        items: 3,
        url: 'https://bot.example/d/1',
        linkMinutes: 15,
        minGroupSize: 5,
      }),
      [TITLE],
    ],
    [
      'the fan-out summary',
      buildFanoutProgressCard('de', {
        campaignTitle: TITLE,
        question: QUESTION,
        total: 2,
        posted: 1,
        done: true,
        failures: [{ label: `${TEAM} › ${NAME}`, kind: 'skipped', reason: NOTE }],
      }),
      [TITLE, QUESTION, TEAM, NAME, NOTE],
    ],
    [
      'my data',
      buildMyDataCard(
        'de',
        {
          person: { id: 'aad-1', name: NAME },
          retentionDays: 365,
          votes: [
            {
              itemId: 'p1',
              question: QUESTION,
              teamName: TEAM,
              choices: [OPTION],
              at: new Date('2026-11-20T10:00:00Z'),
            },
          ],
          ideas: [
            { ideaId: 'i1', text: IDEA, status: 'new', teamName: TEAM, createdAt: new Date('2026-11-20T10:00:00Z') },
          ],
          supports: [{ ideaId: 'i2', text: NOTE }],
          volunteering: [{ ideaId: 'i3', text: TITLE }],
          roles: [{ role: 'leader', teamName: TEAM }],
          personalChat: { name: NAME, active: true, updatedAt: new Date('2026-11-20T10:00:00Z') },
        },
        { timeZone: 'Europe/Berlin' },
      ),
      [QUESTION, OPTION, IDEA, NOTE, TITLE, TEAM, NAME],
    ],
    [
      'the audit',
      buildAuditCard(
        'de',
        [
          {
            actorId: 'aad-1',
            actorName: NAME,
            action: 'campaign.pause',
            target: TITLE,
            details: { note: NOTE },
            at: new Date('2026-11-20T10:00:00Z'),
          },
        ],
        'Europe/Berlin',
      ),
      [NAME, TITLE, NOTE],
    ],
    ['a message card', buildMessageCard(m.posted(TEAM), [QUESTION, `• ${OPTION}`]), [TEAM, QUESTION, OPTION]],
  ];

  test.each(cards)('%s shows people’s texts exactly as typed, without formatting', (_name, card, typed) => {
    expect(formatting(card)).toEqual([]);
    for (const text of typed) expect(seen(card)).toContain(text);
  });

  test('the leader list shows each team in bold, and team names, leaders, assigners and file names as typed', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const card = buildLeaderListCard(
      'de',
      [
        {
          label: TEAM,
          leaders: [
            { name: NAME, assignedBy: { person: TITLE }, at },
            { name: QUESTION, assignedBy: { file: '_org_.yml' }, at },
          ],
        },
        { label: OPTION, leaders: [] },
      ],
      { timeZone: 'Europe/Berlin', noneAssigned: false },
    );
    const [, team, empty] = markdownTexts(card);
    expect(team).toMatch(/^\*\*[^\n]+\*\*\n\n/);
    expect(activeMarkdown(team!.replace(/^\*\*(.*)\*\*$/m, '$1'))).toEqual([]);
    expect(shown(team!)).toBe(
      `**${TEAM}**\n\n${m.leadersLine(NAME, TITLE, '20.11.2026')}\n\n${m.leadersLine(QUESTION, m.leadersByFile('_org_.yml'), '20.11.2026')}`,
    );
    expect(activeMarkdown(empty!)).toEqual([]);
    expect(shown(empty!)).toBe(m.leadersTeamEmpty(OPTION));
  });

  test('the greeting in the personal chat names the person as typed', () => {
    const [title] = markdownTexts(buildGreetingCard('de', { name: NAME, isAdmin: false, localMode: false }));
    expect(activeMarkdown(title!)).toEqual([]);
    expect(shown(title!)).toBe(m.greetingTitle(NAME));
  });

  test('the leader picker names a refused person as typed, and offers teams and people as choices unchanged', () => {
    const picker = buildLeaderPickerCard('de', {
      op: 'add',
      teams: [{ value: 't', title: TEAM }],
      members: [{ value: 'p', title: NAME }],
      notice: m.errPersonNotInTeam(NAME, TEAM),
    });
    expect(formatting(picker)).toEqual([]);
    expect(seen(picker)).toContain(m.errPersonNotInTeam(NAME, TEAM));
    expect(
      ofType(picker, 'Input.ChoiceSet').flatMap((c) => (c.choices as { title: string }[]).map((x) => x.title)),
    ).toEqual([TEAM, NAME]);
  });
});

describe('texts people wrote, in the campaign wizard', () => {
  const input = (over: Partial<WizardCardInput>): WizardCardInput => ({
    locale: 'de',
    wizardId: 'w1',
    step: 'preview',
    draft: {
      basics: { title: TITLE, description: NOTE, timeZone: 'Europe/Berlin' },
      items: [{ type: 'poll', question: QUESTION, options: [OPTION, 'nein'], anonymous: false }],
      schedules: [{ date: '2026-12-01', time: '09:00', repeat: 'once', openDays: 7 }],
      targets: { all: false, teamIds: ['t1'], channel: 'General' },
    },
    timeZone: 'Europe/Berlin',
    defaultSchedule: { date: '2026-12-01', time: '09:00', repeat: 'once', openDays: 7 },
    teams: [{ teamId: 't1', name: TEAM, channels: ['General'] }],
    upcoming: [{ itemIndex: 0, at: new Date('2026-12-01T08:00:00Z') }],
    ...over,
  });

  test('the preview shows the title, description, questions and teams exactly as typed, without formatting', () => {
    const card = buildWizardCard(input({}));
    expect(wizardFormatting(card)).toEqual([]);
    for (const typed of [TITLE, NOTE, QUESTION, TEAM]) expect(seen(card)).toContain(typed);
  });

  test('the question list and schedule headings show questions as typed', () => {
    for (const step of ['items', 'schedule'] as const) {
      const card = buildWizardCard(input({ step }));
      expect(wizardFormatting(card)).toEqual([]);
      expect(seen(card)).toContain(QUESTION);
    }
  });

  test('a refused step shows the reason as plain text, and its fields keep what was typed, so nothing is escaped twice when sent back', () => {
    const card = buildWizardCard(
      input({
        step: 'basics',
        values: { title: TITLE, description: NOTE },
        notice: { kind: 'attention', text: TITLE },
      }),
    );
    expect(wizardFormatting(card)).toEqual([]);
    expect(seen(card)).toContain(TITLE);
    expect(ofType(card, 'Input.Text').map((i) => i.value)).toEqual(expect.arrayContaining([TITLE, NOTE]));
    const targets = buildWizardCard(input({ step: 'targets' }));
    expect(
      ofType(targets, 'Input.ChoiceSet').flatMap((c) => (c.choices as { title: string }[]).map((x) => x.title)),
    ).toContain(TEAM);
  });
});
