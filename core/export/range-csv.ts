import { statusLabel, type IdeaStatus } from '../ideas/idea-status';
import type { Locale } from '../locale';
import type { MeasureStatus } from '../measures/measure';
import { messages } from '../messages';
import { localDay } from '../retention';
import {
  csvNumber,
  itemColumns,
  itemResultRows,
  resultColumns,
  toCsv,
  type CsvIdeaItem,
  type CsvPollItem,
} from './csv';

/** a poll or idea prompt of the range (ad hoc or from a campaign), with the day it was posted. */
export interface RangeCsvItem {
  postedAt: Date;
  item: CsvPollItem | CsvIdeaItem;
}

/** an idea sent with `idee` (always named), with its team. */
export interface RangeCsvChatIdea {
  teamName: string;
  createdAt: Date;
  text: string;
  status: IdeaStatus;
  supportCount: number;
  volunteerCount: number;
  authorName?: string;
}

/** a measure of the range: what will be done, by whom, by when, and where it stands. */
export interface RangeCsvMeasure {
  teamName: string;
  createdAt: Date;
  title: string;
  description: string;
  status: MeasureStatus;
  statusReason?: string;
  ownerName: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  lastNote?: string;
}

/** what a range export is made of. */
export interface RangeCsvInput {
  locale: Locale;
  timeZone: string;
  minGroupSize: number;
  /** participants an anonymous prompt needs before its texts are exported (MIN_GROUP_SIZE_TEXT). */
  minGroupSizeText: number;
  items: RangeCsvItem[];
  chatIdeas: RangeCsvChatIdea[];
  measures: RangeCsvMeasure[];
}

/**
 * everything said in a date range as CSV for German Excel, in the format of the campaign export (byte order mark,
 * `;`, CRLF, formulas neutralised): a localized header, then the polls and idea prompts (one row per option or idea,
 * under the same thresholds: no results below MIN_GROUP_SIZE, no anonymous idea texts below MIN_GROUP_SIZE_TEXT,
 * never a name on an anonymous idea), then the ideas sent in chat, then the measures with owner, target date and
 * their latest note or reason. Columns: date, team, question or title, type, anonymous, respondents, option, idea or
 * description, count, share in %, average, status, volunteers, submitted by, owner, target date, note.
 */
export function rangeCsv(input: RangeCsvInput): string {
  const m = messages(input.locale);
  const day = (at: Date) => localDay(at, input.timeZone);
  const rows: string[][] = [[...m.csvRangeHeader]];
  for (const { postedAt, item } of input.items) {
    const lead = [day(postedAt), ...itemColumns(input.locale, item)];
    // the two empty cells are the measure columns (owner, target date).
    for (const c of itemResultRows(item, input)) rows.push([...lead, ...resultColumns(c), '', '', c.note ?? '']);
  }
  for (const idea of input.chatIdeas) {
    rows.push([
      day(idea.createdAt),
      idea.teamName,
      '',
      m.csvKindChatIdea,
      m.csvNo,
      '',
      idea.text,
      csvNumber(idea.supportCount),
      '',
      '',
      statusLabel(input.locale, idea.status),
      csvNumber(idea.volunteerCount),
      idea.authorName ?? '',
      '',
      '',
      '',
    ]);
  }
  for (const measure of input.measures) {
    rows.push([
      day(measure.createdAt),
      measure.teamName,
      measure.title,
      m.csvKindMeasure,
      '',
      '',
      measure.description,
      '',
      '',
      '',
      m.measureStatusLabels[measure.status],
      '',
      '',
      measure.ownerName,
      measure.dueDate,
      [measure.statusReason, measure.lastNote].filter((t): t is string => !!t).join(' – '),
    ]);
  }
  return toCsv(rows);
}
