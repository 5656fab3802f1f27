import { formatNumber, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import { shorten } from '../core/ideas/idea-status';
import type { ProgressReport, ProgressGroup } from '../core/results/progress';
import type { ItemResults, MeasureLine, ResultIdea, ResultsReport } from '../core/results/results';
import { effectiveMinGroupSize } from '../core/tally';
import template from './templates/results.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** the thresholds and zone a results card is written with. */
export interface ResultsCardOptions {
  locale: Locale;
  timeZone: string;
  minGroupSize: number;
  minGroupSizeText: number;
}

interface Section {
  heading: string;
  lines: { text: string; subtle: boolean }[];
  rows: { label: string; figure: string; filled: number; empty: number }[];
  note: string;
}

const section = (heading: string, lines: string[] = [], extra: Partial<Section> = {}): Section => ({
  heading: plainText(heading),
  lines: lines.map((text) => ({ text, subtle: false })),
  rows: [],
  note: '',
  ...extra,
});

/** a day as people write it: 07.12.2026 / 7 Dec 2026. */
function formatDay(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone, dateStyle: 'medium' }).format(at);
}

/** a calendar day 'YYYY-MM-DD' as people write it. */
function formatDate(locale: Locale, day: string): string {
  return formatDay(locale, new Date(`${day}T12:00:00Z`), 'UTC');
}

/** the subtitle naming what closed when. */
function closedLine(item: ItemResults, o: ResultsCardOptions): string {
  const m = messages(o.locale);
  const on = formatDay(o.locale, item.closedAt, o.timeZone);
  if (item.kind === 'idea') return m.resultsOfPrompt(on);
  return item.pollKind === 'rating' ? m.resultsOfRating(on) : m.resultsOfPoll(on);
}

/** the sections of one item's results: question, participation, shares or ideas, decisions (texts as typed). */
function itemSections(item: ItemResults, o: ResultsCardOptions, withQuestion: boolean): Section[] {
  const m = messages(o.locale);
  const heading = withQuestion ? item.question : '';
  if (item.kind === 'poll') {
    const r = item.results;
    if (!r.visible)
      return [
        section(heading, [m.resultsParticipants(r.voters)], {
          note: m.resultsNotEnough(effectiveMinGroupSize(o.minGroupSize)),
        }),
      ];
    return [
      section(
        heading,
        [
          m.resultsParticipants(r.voters),
          ...(r.average !== undefined ? [m.ratingAverage(formatNumber(o.locale, r.average, 1))] : []),
        ],
        {
          rows: r.rows.map((row) => ({
            label: plainText(row.label),
            figure: `${formatNumber(o.locale, row.count)} · ${formatNumber(o.locale, row.percent)} %`,
            filled: Math.max(1, row.percent),
            empty: Math.max(1, 100 - row.percent),
          })),
        },
      ),
    ];
  }
  const participation =
    item.participants !== undefined
      ? m.resultsParticipants(item.participants)
      : m.resultsFewerThan(effectiveMinGroupSize(o.minGroupSize));
  if (!item.visible)
    return [
      section(heading, [participation, m.resultsIdeaCount(item.ideaCount)], {
        note: m.resultsNotEnough(effectiveMinGroupSize(o.minGroupSizeText)),
      }),
    ];
  const sections = [section(heading, [participation, m.resultsIdeaCount(item.ideaCount)])];
  if (item.topIdeas.length > 0)
    sections.push(
      section(
        m.resultsTopIdeas,
        item.topIdeas.map((i) => ideaLine(i, o.locale)),
      ),
    );
  sections.push(
    section(
      m.resultsDecisions,
      item.decisions.length > 0
        ? item.decisions.map((d) => m.resultsDecisionLine(m.ideaStatusLabels[d.status], d.count))
        : [m.resultsNoDecisions],
    ),
  );
  return sections;
}

function ideaLine(idea: ResultIdea, locale: Locale): string {
  const m = messages(locale);
  return `• ${plainText(idea.text)} (${m.ideaStatusLabels[idea.status]} · ${m.resultsSupport(idea.supportCount)})`;
}

function measuresSection(measures: readonly MeasureLine[], locale: Locale): Section {
  const m = messages(locale);
  return section(
    m.resultsMeasures,
    measures.length > 0
      ? measures.map((x) =>
          m.resultsMeasureLine(plainText(x.title), m.measureStatusLabels[x.status], formatDate(locale, x.dueDate)),
        )
      : [m.resultsNoMeasures],
  );
}

/**
 * the results card "Ihr habt gesagt – wir tun": a closed item (its question, participation, shares or top ideas,
 * decisions and the measures that came of it), a campaign (each of its items in the channel), or a done measure (what
 * was done, from which ideas). The report already obeys the thresholds; this puts it into words, texts as typed.
 */
export function buildResultsCard(report: ResultsReport, o: ResultsCardOptions): AdaptiveCard {
  const m = messages(o.locale);
  let title: string;
  let subtitle: string;
  let sections: Section[];
  let footer = m.resultsThread;
  if (report.variant === 'item') {
    title = report.item.question;
    subtitle = closedLine(report.item, o);
    sections = [...itemSections(report.item, o, false), measuresSection(report.measures, o.locale)];
  } else if (report.variant === 'campaign') {
    title = report.title;
    subtitle = m.resultsOfCampaign(report.items.length + report.itemsMore);
    sections = [
      ...report.items.flatMap((item) => itemSections(item, o, true)),
      ...(report.itemsMore > 0 ? [section('', [m.resultsMore(report.itemsMore)])] : []),
      measuresSection(report.measures, o.locale),
    ];
    footer = m.resultsThreads;
  } else {
    title = report.title;
    subtitle = m.resultsOfMeasure(formatDay(o.locale, report.doneAt, o.timeZone));
    const about = [
      ...(report.description ? [plainText(report.description)] : []),
      m.resultsMeasureOwner(plainText(report.ownerName)),
      ...(report.noteCount > 0 ? [m.resultsMeasureNotes(report.noteCount)] : []),
      ...(report.lastNote ? [m.resultsLastNote(plainText(report.lastNote))] : []),
    ];
    sections = [section('', about)];
    if (report.item) sections.push(...itemSections(report.item, o, true));
    if (report.ideas.length + report.hiddenIdeas > 0)
      sections.push(
        section(m.resultsMeasureIdeas, [
          ...report.ideas.map((i) => `• ${plainText(i.text)}`),
          ...(report.hiddenIdeas > 0 ? [m.resultsHiddenIdeas(report.hiddenIdeas)] : []),
        ]),
      );
    if (!report.item) footer = '';
  }
  return expandTemplate(template, {
    badge: m.resultsBadge,
    title: plainText(title),
    subtitle,
    sections,
    footer,
    links: threadLinks(report, o.locale),
  });
}

/** buttons that open the threads of the items a results card reports on (up to five). */
function threadLinks(report: ResultsReport, locale: Locale): { title: string; url: string }[] {
  const m = messages(locale);
  const items =
    report.variant === 'item'
      ? [report.item]
      : report.variant === 'campaign'
        ? report.items
        : report.item
          ? [report.item]
          : [];
  const linked = items.filter((i): i is ItemResults & { threadUrl: string } => i.threadUrl !== undefined);
  return linked.slice(0, 5).map((i) => ({
    title: linked.length === 1 ? m.resultsOpenThread : m.resultsOpenThreadOf(plainText(shorten(i.question, 40))),
    url: i.threadUrl,
  }));
}

/** a month as people name it: "November 2026". */
function monthName(locale: Locale, month: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`));
}

/** the monthly progress post of a team: what moved in the month (measures, notes, decisions); titles as typed. */
export function buildProgressCard(report: ProgressReport, locale: Locale): AdaptiveCard {
  const m = messages(locale);
  const group = (heading: string, g: ProgressGroup): Section[] =>
    g.count === 0
      ? []
      : [
          section(heading, [
            ...g.measures.map((x) => `• ${m.progressMeasureLine(plainText(x.title), m.measureStatusLabels[x.status])}`),
            ...(g.count > g.measures.length ? [m.progressMore(g.count - g.measures.length)] : []),
          ]),
        ];
  const counts = [
    ...(report.notes > 0 ? [m.progressNotes(report.notes)] : []),
    ...(report.ideasDecided > 0 ? [m.progressDecided(report.ideasDecided)] : []),
  ];
  return expandTemplate(template, {
    badge: m.resultsBadge,
    title: m.progressTitle(monthName(locale, report.month)),
    subtitle: m.progressIntro(plainText(report.teamName)),
    sections: [
      ...group(m.progressDone(report.done.count), report.done),
      ...group(m.progressCreated(report.created.count), report.created),
      ...group(m.progressMoved(report.moved.count), report.moved),
      ...(counts.length > 0 ? [section('', counts)] : []),
    ],
    footer: m.progressFooter,
  });
}
