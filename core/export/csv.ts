import { statusLabel } from '../ideas/idea-status';
import type { IdeaView } from '../ideas/idea-view';
import type { ItemStatus, PollKind } from '../items';
import type { Locale } from '../locale';
import { messages } from '../messages';
import { effectiveMinGroupSize, ideaTextsVisible, pollResults, type Tally } from '../tally';

/** a poll of the campaign in one team, with its tally. */
export interface CsvPollItem {
  kind: 'poll';
  teamName: string;
  question: string;
  pollKind?: PollKind;
  anonymous: boolean;
  options: string[];
  status: ItemStatus;
  tally: Tally;
}

/** an idea prompt of the campaign in one team, with its ideas. */
export interface CsvIdeaItem {
  kind: 'idea';
  teamName: string;
  question: string;
  anonymous: boolean;
  /** ideas of an anonymous prompt are exported only once it is closed. */
  status: ItemStatus;
  /** distinct people who submitted ideas. */
  participants: number;
  ideas: Pick<IdeaView, 'text' | 'status' | 'supportCount' | 'volunteers' | 'authorName'>[];
}

/** what a campaign export is made of. */
export interface CampaignCsvInput {
  campaignTitle: string;
  locale: Locale;
  minGroupSize: number;
  /** participants an anonymous prompt needs before its texts are exported (MIN_GROUP_SIZE_TEXT). */
  minGroupSizeText: number;
  items: (CsvPollItem | CsvIdeaItem)[];
}

const SEPARATOR = ';';
const NEWLINE = '\r\n';
const BOM = '\uFEFF';

/**
 * protects a cell for spreadsheet programs: a leading = + - @ (or tab, carriage return) gets an
 * apostrophe so it is not run as a formula; cells with ; " or line breaks are quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** a number as German Excel reads it: decimal comma, no thousands separator. */
export function csvNumber(value: number, fractionDigits = 0): string {
  return value.toFixed(fractionDigits).replace('.', ',');
}

/** rows joined for German Excel: UTF-8 byte order mark, ';' between cells, CRLF after every row. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR) + NEWLINE).join('');
}

/** the result cells of one row of an item, after the columns that name the item. */
export type ResultCells = Partial<
  Record<'respondents' | 'option' | 'count' | 'share' | 'average' | 'status' | 'volunteers' | 'author' | 'note', string>
>;

/**
 * the result rows of one poll or idea prompt under the anonymity rules: one row per poll option or idea; results under
 * the minimum group size, and anonymous items still open, get one row with a note instead of figures; ideas of
 * anonymous prompts carry no name, appear only after closing and from the text threshold, ordered by support and
 * text (never by time).
 */
export function itemResultRows(
  item: CsvPollItem | CsvIdeaItem,
  options: { locale: Locale; minGroupSize: number; minGroupSizeText: number },
): ResultCells[] {
  const m = messages(options.locale);
  const min = effectiveMinGroupSize(options.minGroupSize);
  if (item.kind === 'poll') {
    const results = pollResults(item, item.tally, min);
    const respondents = csvNumber(results.voters);
    if (!results.visible)
      return [
        { respondents, note: results.reason === 'anonymous-open' ? m.csvAnonymousOpen : m.csvBelowThreshold(min) },
      ];
    const average = results.average === undefined ? '' : csvNumber(results.average, 1);
    return results.rows.map((r) => ({
      respondents,
      option: r.label,
      count: csvNumber(r.count),
      share: csvNumber((r.count * 100) / results.voters, 1),
      average,
    }));
  }
  const respondents = csvNumber(item.participants);
  if (item.anonymous && item.status !== 'closed') return [{ respondents, note: m.csvAnonymousIdeasOpen }];
  if (
    !ideaTextsVisible(
      { anonymous: item.anonymous, closed: true, participants: item.participants },
      options.minGroupSizeText,
    )
  )
    return [{ respondents, note: m.csvBelowThreshold(min) }];
  if (item.ideas.length === 0) return [{ respondents, note: m.csvNoIdeas }];
  // anonymous ideas never in the order they came in (the caller's order may be by time): by support, then text.
  const ideas = item.anonymous
    ? [...item.ideas].sort(
        (a, b) => b.supportCount - a.supportCount || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
      )
    : item.ideas;
  return ideas.map((idea) => ({
    respondents,
    option: idea.text,
    count: csvNumber(idea.supportCount),
    status: statusLabel(options.locale, idea.status),
    volunteers: csvNumber(idea.volunteers.length),
    author: item.anonymous ? '' : (idea.authorName ?? ''),
  }));
}

/** the columns naming an item in both exports: team, question, type, anonymous. */
export function itemColumns(locale: Locale, item: CsvPollItem | CsvIdeaItem): string[] {
  const m = messages(locale);
  return [item.teamName, item.question, csvKind(locale, item), item.anonymous ? m.csvYes : m.csvNo];
}

/** a row's result cells up to the author, in the column order of both exports (the note follows separately). */
export function resultColumns(c: ResultCells): string[] {
  return [
    c.respondents ?? '',
    c.option ?? '',
    c.count ?? '',
    c.share ?? '',
    c.average ?? '',
    c.status ?? '',
    c.volunteers ?? '',
    c.author ?? '',
  ];
}

/** the type column of an item: the idea prompt or the kind of poll. */
export function csvKind(locale: Locale, item: Pick<CsvPollItem, 'pollKind'> & { kind: 'poll' | 'idea' }): string {
  const m = messages(locale);
  return item.kind === 'idea' ? m.csvKinds.idea : m.csvKinds[item.pollKind ?? 'single'];
}

/**
 * the results of a campaign as CSV for German Excel: a localized header, then one row per poll option
 * or idea (columns: campaign, team, question, type, anonymous, respondents, option or idea, count,
 * share in %, average, status, volunteers, submitted by, note), under the rules of `itemResultRows`.
 */
export function campaignCsv(input: CampaignCsvInput): string {
  const m = messages(input.locale);
  const rows: string[][] = [[...m.csvHeader]];
  for (const item of input.items) {
    const lead = [input.campaignTitle, ...itemColumns(input.locale, item)];
    for (const c of itemResultRows(item, input)) rows.push([...lead, ...resultColumns(c), c.note ?? '']);
  }
  return toCsv(rows);
}
