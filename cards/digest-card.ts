import type { Digest, DigestClosedResult, DigestTeam } from '../core/digest/digest';
import type { Participation } from '../core/digest/participation';
import { shorten } from '../core/ideas/idea-status';
import { formatDateTime, formatNumber, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/digest.json';
import { VERBS } from '../core/card-actions';
import type { DigestLoop, DigestMeasureLine } from '../core/digest/digest-loop';
import { statusLabel } from '../core/ideas/idea-status';
import { followUpTeamForm } from './follow-up-team-form';
import { ideaLines, statusForm, type IdeaLineLimits } from './idea-parts';
import { formatDay } from './my-ideas-card';
import { expandTemplate, type AdaptiveCard } from './render';
import type { DigestUnitSection, UnitParticipation } from '../core/org/unit-rollup';

/** the largest digest card we send; Teams refuses far larger messages, and big cards render slowly. */
export const DIGEST_CARD_BUDGET = 27 * 1024;

/** how much detail a digest card carries; later levels are used only when a full card would be too large. */
interface Level {
  idea: IdeaLineLimits;
  optionLabel: number;
  question: number;
  /** draw charts; without them poll results become one line of at most `summaryRows` answers. */
  charts: boolean;
  summaryRows: number;
  closed: number;
  open: number;
  /** lines per list of the loop section (due, overdue, moved, waiting). */
  loop: number;
}
const LEVELS: readonly Level[] = [
  {
    idea: { text: 200, names: 5, nameMax: 40 },
    optionLabel: 40,
    question: 200,
    charts: true,
    summaryRows: 10,
    closed: 5,
    open: 5,
    loop: 5,
  },
  {
    idea: { text: 120, names: 3, nameMax: 30 },
    optionLabel: 30,
    question: 100,
    charts: true,
    summaryRows: 10,
    closed: 3,
    open: 3,
    loop: 3,
  },
  {
    idea: { text: 80, names: 3, nameMax: 25 },
    optionLabel: 25,
    question: 60,
    charts: false,
    summaryRows: 3,
    closed: 3,
    open: 3,
    loop: 3,
  },
  {
    idea: { text: 40, names: 0, nameMax: 20, compact: true },
    optionLabel: 20,
    question: 40,
    charts: false,
    summaryRows: 1,
    closed: 1,
    open: 0,
    loop: 1,
  },
];

/**
 * the leader's weekly digest card: per team participation, an 8-week trend chart, top ideas with a
 * "change status" form, results of closed polls as charts (each with a fallback) and open items.
 * Long texts are shortened further when the card would exceed DIGEST_CARD_BUDGET. Team names, ideas, names,
 * questions and options show as typed (plainText), except in chart labels, which Teams does not read as Markdown.
 */
export function buildDigestCard(digest: Digest, locale: Locale = digest.locale): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const level of LEVELS) {
    card = render(digest, locale, level);
    if (Buffer.byteLength(JSON.stringify(card)) <= DIGEST_CARD_BUDGET) return card;
  }
  return card!;
}

function render(digest: Digest, locale: Locale, level: Level): AdaptiveCard {
  const m = messages(locale);
  const day = (d: Date) =>
    new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: digest.timeZone,
      dateStyle: 'medium',
    }).format(d);
  const lastDay = new Date(digest.period.end.getTime() - 1);
  let position = 0;
  return expandTemplate(template, {
    title: m.digestTitle(digest.weekNumber),
    period: m.digestPeriod(day(digest.period.start), day(lastDay)),
    interim: digest.interim ? m.digestInterim : '',
    noTeams: digest.teams.length === 0 && !digest.units?.length ? m.digestNoTeams : '',
    units: (digest.units ?? []).map((unit) => unitData(unit, digest, locale, level)),
    teams: digest.teams.map((team, index) => teamData(team, digest, locale, level, () => position++, index)),
  });
}

/** the participation line under the rules of core/digest/participation.ts. */
export function participationText(locale: Locale, p: Participation): string {
  const m = messages(locale);
  const n = (x: number) => formatNumber(locale, x);
  if (p.shown === 'fewerThan') return m.digestParticipationFewer(p.threshold);
  if (p.shown === 'range') return m.digestParticipationRange(n(p.from), n(p.to), n(p.members));
  if (p.members === undefined || p.percent === undefined) return m.digestParticipationCount(n(p.participants));
  return m.digestParticipation(n(p.participants), n(p.members), n(p.percent));
}

/** a unit's participation line: as for a team, or the band that protects a small group below it. */
export function unitParticipationText(locale: Locale, p: UnitParticipation): string {
  const n = (x: number) => formatNumber(locale, x);
  if (p.shown === 'banded')
    return messages(locale).digestUnitBanded(n(p.atLeast), p.members === undefined ? undefined : n(p.members));
  return participationText(locale, p);
}

/** a unit's roll-up: its participation, the sub-units and teams that may be shown, the week's ideas, campaign results. */
function unitData(unit: DigestUnitSection, digest: Digest, locale: Locale, level: Level): object {
  const m = messages(locale);
  const r = unit.participation;
  return {
    name: plainText(shorten(m.digestUnitTitle(unit.unitName), level.question)),
    teams: m.digestUnitTeams(r.teamCount),
    participation: unitParticipationText(locale, r.participation),
    belowTitle: r.rows.length > 0 ? m.digestUnitBelow : '',
    below: r.rows.map(
      (row) =>
        `${'\u2003'.repeat(row.depth - 1)}${plainText(shorten(row.name, level.optionLabel))}: ${unitParticipationText(locale, row.participation)}`,
    ),
    hidden: r.hiddenGroups > 0 ? m.digestUnitHidden(r.hiddenGroups) : '',
    ideasTitle: m.digestUnitIdeas(unit.newIdeaCount),
    ideas: unit.topIdeas.map((i) =>
      m.digestUnitIdea(
        plainText(shorten(i.text, level.idea.text)),
        plainText(shorten(i.teamName, level.optionLabel)),
        i.supportCount,
      ),
    ),
    pollsTitle: unit.polls.length > 0 ? m.digestUnitPolls : '',
    polls: unit.polls.slice(0, level.closed).map((poll) => {
      if (poll.suppressed)
        return {
          question: plainText(shorten(poll.question, level.question)),
          bars: [],
          rows: [],
          note: m.digestUnitPollSuppressed,
        };
      const data = closedData(
        {
          kind: 'poll',
          itemId: '',
          question: poll.question,
          anonymous: poll.anonymous,
          closedAt: digest.period.end,
          results: poll.results,
        },
        locale,
        level,
        digest.minGroupSize,
      ) as { note: string };
      return { ...data, note: [m.digestUnitPollTeams(poll.teams), data.note].filter((x) => x !== '').join(' · ') };
    }),
  };
}

const signed = (locale: Locale, x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±') + formatNumber(locale, Math.abs(x));

function teamData(
  team: DigestTeam,
  digest: Digest,
  locale: Locale,
  level: Level,
  nextPosition: () => number,
  index: number,
): object {
  const m = messages(locale);
  const change =
    team.change && !level.idea.compact
      ? team.change.percentPoints !== undefined
        ? m.digestChangePoints(signed(locale, team.change.percentPoints))
        : m.digestChangePeople(signed(locale, team.change.people))
      : '';
  const usePercent = team.trend.some((p) => p.percent !== null);
  const value = (p: DigestTeam['trend'][number]) => (usePercent ? p.percent : p.participants);
  const figure = (p: DigestTeam['trend'][number]) => (value(p) === null ? '–' : formatNumber(locale, value(p)!));
  const unit = usePercent ? ' %' : '';
  const first = team.trend[0];
  const last = team.trend[team.trend.length - 1];
  const trendText =
    level.idea.compact && first && last
      ? `${m.digestWeekLabel(first.weekNumber)}–${m.digestWeekLabel(last.weekNumber)}: ${team.trend.map(figure).join(' · ')}${unit}`
      : team.trend
          .map((p) => `${m.digestWeekLabel(p.weekNumber)}: ${figure(p)}${value(p) === null ? '' : unit}`)
          .join(' · ');
  const more = (n: number) => (n > 0 ? m.digestMore(n) : '');
  const quiet = team.newIdeaCount === 0 && team.closed.length === 0 && team.open.length === 0 && !team.loop;
  const candidates = [
    ...team.topIdeas.filter((i) => i.status !== 'declined' && i.status !== 'done'),
    ...(team.loop?.waiting ?? []),
  ].map((i) => ({ ideaId: i.ideaId, text: i.text }));
  return {
    name: plainText(shorten(team.teamName, level.question)),
    participation: participationText(locale, team.participation),
    change,
    trend: {
      title: level.idea.compact ? '' : m.digestTrendTitle,
      axis: usePercent ? m.digestTrendAxisPercent : m.digestTrendAxisPeople,
      points: !level.charts
        ? []
        : team.trend.filter((p) => value(p) !== null).map((p) => ({ x: m.digestWeekLabel(p.weekNumber), y: value(p) })),
      text: trendText,
      note:
        team.trend.some((p) => value(p) === null) && !level.idea.compact
          ? m.digestTrendHidden(digest.minGroupSize)
          : '',
    },
    ideasTitle:
      team.topIdeas.length > 0 && !level.idea.compact
        ? `${m.digestNewIdeas(team.newIdeaCount)} · ${m.digestTopIdeas}`
        : m.digestNewIdeas(team.newIdeaCount),
    ideas: team.topIdeas.map((idea) => ({
      ...ideaLines(locale, idea, level.idea),
      form: statusForm(locale, idea, nextPosition(), level.idea.compact),
    })),
    closedTitle: team.closed.length > 0 ? m.digestClosedPolls : '',
    closed: team.closed.slice(0, level.closed).map((c) => closedData(c, locale, level, digest.minGroupSize)),
    closedMore: more(team.closed.length - level.closed + team.closedMore),
    openTitle: team.open.length > 0 ? m.digestOpenItems : '',
    open: team.open
      .slice(0, level.open)
      .map((o) =>
        o.closesAt
          ? m.digestClosesAt(
              plainText(shorten(o.question, level.question)),
              formatDateTime(locale, o.closesAt, digest.timeZone),
            )
          : m.digestNoCloseTime(plainText(shorten(o.question, level.question))),
      ),
    openMore: more(team.open.length - level.open + team.openMore),
    loopTitle: team.loop ? m.digestLoopTitle : '',
    loop: team.loop ? loopGroups(team.loop, digest, locale, level) : [],
    followUp: level.idea.compact
      ? null
      : followUpTeamForm(locale, VERBS.followUpPollTeam, team.teamId, candidates, index),
    quiet: quiet ? m.digestQuiet : '',
  };
}

function closedData(c: DigestClosedResult, locale: Locale, level: Level, min: number): object {
  const m = messages(locale);
  const chartTitle = shorten(c.question, level.question);
  const question = plainText(chartTitle);
  if (c.kind === 'idea') {
    return {
      question,
      bars: [],
      rows: [],
      note:
        c.participants === null
          ? m.digestNoResult(min)
          : m.digestIdeaPromptClosed(formatNumber(locale, c.participants)),
    };
  }
  const r = c.results;
  if (!r.visible) return { question, bars: [], rows: [], note: m.digestNoResult(min) };
  const rows = r.rows.map((row) => ({
    typed: shorten(row.label, level.optionLabel), // for chart bars, which show no Markdown
    label: plainText(shorten(row.label, level.optionLabel)),
    count: row.count,
    figure: `${formatNumber(locale, row.count)} · ${formatNumber(locale, row.percent)} %`,
  }));
  const note = [
    m.answeredCount(r.voters),
    r.average !== undefined ? m.ratingAverage(formatNumber(locale, r.average, 1)) : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  if (!level.charts) {
    const top = [...rows].sort((a, b) => b.count - a.count).slice(0, level.summaryRows);
    const shown = top.map((row) => `${row.label}: ${row.figure}`).join(' · ');
    return { question, bars: [], rows: [], note: `${shown}${top.length < rows.length ? ' …' : ''} – ${note}` };
  }
  return {
    question,
    chartTitle,
    bars: rows.map((row) => ({ x: row.typed, y: row.count })),
    rows: rows.map(({ label, figure }) => ({ label, figure })),
    note,
  };
}

/** the loop section of a team: overdue (marked), due, moved and waiting, each cut to the level's length. */
function loopGroups(loop: DigestLoop, digest: Digest, locale: Locale, level: Level): object[] {
  const m = messages(locale);
  const text = (t: string) => plainText(shorten(t, level.question));
  const name = (n: string) => plainText(shorten(n, level.idea.nameMax));
  const more = (shown: number, total: number, extra: number) =>
    total - shown + extra > 0 ? [m.digestLoopMore(total - shown + extra)] : [];
  const group = <T>(title: string, list: T[], extra: number, line: (x: T) => string, color = 'Default'): object[] =>
    list.length === 0
      ? []
      : [
          {
            title,
            color,
            lines: [
              ...list.slice(0, level.loop).map(line),
              ...more(Math.min(list.length, level.loop), list.length, extra),
            ],
          },
        ];
  const day = (d: string) => formatDay(locale, d);
  const measure = (x: DigestMeasureLine) => m.digestLoopMeasure(text(x.title), name(x.ownerName), day(x.dueDate));
  return [
    ...group(
      m.digestLoopOverdue,
      loop.overdue,
      loop.more.overdue,
      (x) => m.digestLoopOverdueMeasure(text(x.title), name(x.ownerName), day(x.dueDate)),
      'Attention',
    ),
    ...group(m.digestLoopDue, loop.due, loop.more.due, measure),
    ...group(m.digestLoopMoved, loop.moved, loop.more.moved, (x) =>
      [
        m.digestLoopMovedMeasure(text(x.title), m.measureStatusLabels[x.status]),
        ...(x.note && !level.idea.compact ? [m.digestLoopMovedNote(text(x.note))] : []),
      ].join(' · '),
    ),
    ...group(m.digestLoopWaiting(digest.decisionDueDays ?? 0), loop.waiting, loop.more.waiting, (x) =>
      m.digestLoopWaitingIdea(plainText(shorten(x.text, level.idea.text)), x.days, statusLabel(locale, x.status)),
    ),
  ];
}
