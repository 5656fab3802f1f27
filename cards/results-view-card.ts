import { VERBS } from '../core/card-actions';
import { shorten } from '../core/ideas/idea-status';
import { formatNumber, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import type { QuestionView, ViewRow, ViewTrendPoint } from '../core/results/results-view';
import { optionsOf } from '../core/items';
import pickerTemplate from './templates/results-picker.json';
import template from './templates/results-view.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** what the results picker offers: campaigns with closed rounds and recently closed single items in the person's part. */
export interface ResultsPickerInput {
  /** 'all' for the whole organisation, else the names of the units and teams the person leads. */
  scope: 'all' | string[];
  campaigns: { id: string; title: string; rounds: number }[];
  items: { id: string; question: string; closedAt: Date }[];
  minGroupSize: number;
  timeZone: string;
}

/** the value of a picker choice: `c:<campaign id>` or `i:<item id>` (parsed by core/card-actions.ts). */
export const resultsTarget = (kind: 'campaign' | 'item', id: string) => `${kind === 'campaign' ? 'c' : 'i'}:${id}`;

/** a day as people write it: 07.12.2026 / 7 Dec 2026. */
function formatDay(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone, dateStyle: 'medium' }).format(at);
}

/** the picker card of `ergebnisse`: one choice per campaign and closed item, and a button that shows the results. */
export function buildResultsPickerCard(locale: Locale, input: ResultsPickerInput): AdaptiveCard {
  const m = messages(locale);
  const choices = [
    ...input.campaigns.map((c) => ({
      title: `${m.resultsPickerCampaigns}: ${plainText(shorten(m.resultsPickerCampaignLine(c.title, c.rounds), 120))}`,
      value: resultsTarget('campaign', c.id),
    })),
    ...input.items.map((i) => ({
      title: `${plainText(shorten(i.question, 100))} (${formatDay(locale, i.closedAt, input.timeZone)})`,
      value: resultsTarget('item', i.id),
    })),
  ];
  return expandTemplate(pickerTemplate, {
    title: m.resultsPickerTitle,
    intro: m.resultsPickerIntro(input.minGroupSize),
    scope:
      input.scope === 'all'
        ? m.resultsPickerScopeAll
        : m.resultsPickerScopePart(input.scope.map((n) => plainText(n)).join(', ')),
    none: choices.length === 0 ? m.resultsPickerNone : '',
    label: `${m.resultsPickerCampaigns} · ${m.resultsPickerItems}`,
    error: m.errInvalidPayload,
    value: choices[0]?.value ?? '',
    choices,
    button: m.resultsPickerShow,
    verb: VERBS.resultsView,
  });
}

/** what the results card shows: the title (campaign or question), whose part, and one view per question. */
export interface ResultsViewCardInput {
  title: string;
  scopeAll: boolean;
  questions: QuestionView[];
  minGroupSize: number;
  timeZone: string;
}

/** the most rows of the per-unit table per question, which keeps the card well under Teams' size limit. */
export const RESULTS_VIEW_ROWS = 40;

/**
 * the results card of `ergebnisse`: per question the top figure as a chart with a text fallback, a row per unit and
 * team (withheld rows say so, without a figure), the first-level units side by side (never ranked) and the trend over
 * the rounds as a line chart with a text fallback. Texts show as typed (plainText) except in chart labels.
 */
export function buildResultsViewCard(locale: Locale, input: ResultsViewCardInput): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: plainText(m.resultsViewTitle(shorten(input.title, 150))),
    scope: input.scopeAll ? m.resultsViewScopeAll : m.resultsViewScopePart,
    questions: input.questions.map((q) => questionData(locale, q, input)),
    protection: m.resultsViewProtection(input.minGroupSize),
  });
}

function questionData(locale: Locale, q: QuestionView, input: ResultsViewCardInput): object {
  const m = messages(locale);
  const top = q.rows[0];
  const topResults = top?.results;
  const shares = topResults?.visible
    ? topResults.rows.map((r) => ({
        typed: shorten(r.label, 40),
        label: plainText(shorten(r.label, 40)),
        figure: `${formatNumber(locale, r.count)} · ${formatNumber(locale, r.percent)} %`,
        count: r.count,
      }))
    : [];
  const note =
    q.kind === 'idea'
      ? top?.participants !== undefined
        ? `${m.resultsViewParticipants(top.participants)} – ${m.resultsViewIdeaPrompt}`
        : m.resultsViewTooFew(input.minGroupSize)
      : topResults?.visible
        ? [
            m.resultsViewAnswers(topResults.voters),
            topResults.average !== undefined ? m.resultsViewAverage(formatNumber(locale, topResults.average, 1)) : '',
          ]
            .filter((s) => s !== '')
            .join(' · ')
        : m.resultsViewTooFew(input.minGroupSize);
  const units = q.rows.slice(1, RESULTS_VIEW_ROWS + 1).map((r) => ({
    name: `${'\u2003'.repeat(Math.max(0, r.depth - 1))}${plainText(shorten(r.name, 60))}`,
    weight: r.kind === 'unit' ? 'Bolder' : 'Default',
    figure: rowFigure(locale, r),
    withheld: !shown(r),
  }));
  return {
    question: plainText(shorten(q.question, 300)),
    round: [
      top && top.kind !== 'top' ? plainText(shorten(top.name, 80)) : '',
      m.resultsViewRound(formatDay(locale, q.round, input.timeZone), q.teams),
    ]
      .filter((x) => x !== '')
      .join(' · '),
    chartTitle: shorten(q.question, 100),
    bars: shares.map((s) => ({ x: s.typed, y: s.count })),
    shares: shares.map(({ label, figure }) => ({ label, figure })),
    note,
    unitsTitle: m.resultsViewByUnit,
    units,
    unitsMore: q.rows.length - 1 > RESULTS_VIEW_ROWS ? m.resultsViewMore(q.rows.length - 1 - RESULTS_VIEW_ROWS) : '',
    compare: compareData(locale, q, input.minGroupSize),
    trend: q.trend ? trendData(locale, q, q.trend, input.timeZone) : null,
  };
}

const shown = (r: ViewRow) => r.participants !== undefined || r.results?.visible === true;

/** one row's figure: average or shares with the number of answers, participants of a prompt, or "not shown". */
function rowFigure(locale: Locale, r: ViewRow): string {
  const m = messages(locale);
  if (r.participants !== undefined) return m.resultsViewParticipants(r.participants);
  const res = r.results;
  if (!res || !res.visible) return m.resultsViewWithheld;
  const answers = m.resultsViewAnswers(res.voters);
  if (res.average !== undefined) return `${m.resultsViewAverage(formatNumber(locale, res.average, 1))} · ${answers}`;
  const shares = res.rows.map((x) => `${plainText(shorten(x.label, 25))} ${formatNumber(locale, x.percent)} %`);
  return `${shares.join(' · ')} · ${answers}`;
}

/** the first-level units side by side (only shown ones, in the file's order); ratings also as bars. */
function compareData(locale: Locale, q: QuestionView, min: number): object | null {
  const m = messages(locale);
  if (q.comparison.rows.length < 2) return null;
  const rated = q.comparison.rows.every((r) => r.results?.visible && r.results.average !== undefined);
  return {
    title: m.resultsViewCompare,
    axis: m.resultsViewTrendAxisAverage,
    bars: rated
      ? q.comparison.rows.map((r) => ({
          x: shorten(r.name, 30),
          y: r.results?.visible && r.results.average !== undefined ? r.results.average : 0,
        }))
      : [],
    text: q.comparison.rows.map((r) => `${plainText(shorten(r.name, 40))}: ${rowFigure(locale, r)}`).join(' | '),
    note: m.resultsViewCompareNote(q.comparison.withheld, min),
  };
}

/** the trend over the rounds: the average of a rating, or the share of each option, as lines with a text fallback. */
function trendData(locale: Locale, q: QuestionView, points: ViewTrendPoint[], timeZone: string): object {
  const m = messages(locale);
  const day = (p: ViewTrendPoint) => formatDay(locale, p.round, timeZone);
  const shownPoints = points.filter((p) => p.voters !== null);
  const options = optionsOf(q);
  const rating = q.pollKind === 'rating';
  const series =
    q.kind === 'idea'
      ? []
      : rating
        ? [
            {
              legend: m.resultsViewTrendAxisAverage,
              values: shownPoints.map((p) => ({ x: day(p), y: p.average ?? 0 })),
            },
          ]
        : options.map((label, i) => ({
            legend: shorten(label, 30),
            values: shownPoints.map((p) => ({ x: day(p), y: p.percents?.[i] ?? 0 })),
          }));
  const pointText = (p: ViewTrendPoint): string => {
    if (p.voters === null) return `${day(p)}: ${m.resultsViewTrendHidden}`;
    if (q.kind === 'idea') return `${day(p)}: ${m.resultsViewParticipants(p.voters)}`;
    const figure = rating
      ? m.resultsViewAverage(formatNumber(locale, p.average ?? 0, 1))
      : options
          .map((o, i) => `${plainText(shorten(o, 20))} ${formatNumber(locale, p.percents?.[i] ?? 0)} %`)
          .join(', ');
    return `${day(p)}: ${figure} (${m.resultsViewAnswers(p.voters)})`;
  };
  return {
    title: m.resultsViewTrend,
    axis: rating ? m.resultsViewTrendAxisAverage : m.resultsViewTrendAxisPercent,
    series: shownPoints.length >= 2 ? series : [],
    text: points.map(pointText).join(' · '),
  };
}
