import { shorten } from '../core/ideas/idea-status';
import { formatDateTime, type Locale } from '../core/locale';
import { MEASURE_TRANSITIONS, type Measure, type MeasureNote, type MeasureStatus } from '../core/measures/measure';
import { VERBS } from '../core/card-actions';
import { MEASURE_FILTERS, MEASURE_VERBS, measureInputIds, type MeasureFilter } from '../core/measures/measure-actions';
import { formatDay, isFinished, RECENTLY_FINISHED_DAYS } from '../core/measures/measure-board';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import type { CardNotice } from './item-card';
import template from './templates/measures.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** one measure as a board or the details card shows it to one viewer. */
export interface MeasureLine {
  measure: Pick<
    Measure,
    'measureId' | 'teamId' | 'title' | 'description' | 'ownerName' | 'dueDate' | 'status' | 'statusReason' | 'lastNote'
  >;
  /** set on a board of several teams. */
  teamName?: string;
  /** still open and its target date has passed (today in the configured time zone). */
  overdue: boolean;
  /** a leader of its team or an admin: may change its status. */
  canManage: boolean;
  /** a manager or its owner: may add notes. */
  canNote: boolean;
}

/** what only the details card of one measure shows. */
export interface MeasureDetails {
  /** the linked ideas the viewer may see (anonymous ones only when their texts may be shown). */
  ideas: { text: string; status: string }[];
  /** linked ideas the viewer may not see here. */
  hiddenIdeas: number;
  /** the closed poll or prompt it came from. */
  fromItem?: string;
  /** the working group when the volunteers form it: names of named ideas' volunteers, a count for anonymous ones. */
  group?: { names: string[]; anonymousCount: number };
  notes: MeasureNote[];
}

/** the board of measures, or one measure with its details, for one viewer. */
export interface MeasuresCardInput {
  locale: Locale;
  timeZone: string;
  title: string;
  /** in board order (core/measures `boardMeasures`); the card groups open and finished ones. */
  measures: MeasureLine[];
  /** how many more the board leaves out. */
  more?: number;
  /** the status filter with its current value; set on boards. */
  filter?: { value: MeasureFilter; teamId?: string };
  /** a "create measure" button (for managers) for a team, or asking for the team. */
  newMeasure?: { teamId?: string };
  /** one measure's details (the card then shows that measure alone). */
  details?: MeasureDetails;
  notice?: CardNotice & { lines?: string[] };
  /** whether the board is filtered (changes the empty text). */
  filtered?: boolean;
}

const FILTER_LABEL = (locale: Locale, f: MeasureFilter) =>
  f === 'all' ? messages(locale).measureFilterAll : messages(locale).measureStatusLabels[f];

/** the status form of a measure at a card position: the allowed next statuses and a reason. */
function statusForm(locale: Locale, line: MeasureLine, position: number): object | null {
  if (!line.canManage) return null;
  const m = messages(locale);
  const ids = measureInputIds(position);
  const next: readonly MeasureStatus[] = MEASURE_TRANSITIONS[line.measure.status];
  return {
    title: m.measureChangeStatus,
    statusId: ids.status,
    statusLabel: m.measureNewStatus,
    required: m.errFieldRequired,
    value: next[0] ?? '',
    choices: next.map((s) => ({ title: m.measureStatusLabels[s], value: s })),
    reasonId: ids.reason,
    reasonLabel: m.measureReasonLabel,
    save: m.measureSaveStatus,
    verb: MEASURE_VERBS.measureStatus,
    data: { teamId: line.measure.teamId, measureId: line.measure.measureId, input: ids.input },
  };
}

/** the note form of a measure at a card position. */
function noteForm(locale: Locale, line: MeasureLine, position: number): object | null {
  if (!line.canNote) return null;
  const m = messages(locale);
  const ids = measureInputIds(position);
  return {
    title: m.measureAddNote,
    noteId: ids.note,
    noteLabel: m.measureNoteLabel,
    required: m.errMeasureNoteEmpty,
    save: m.measureSaveNote,
    verb: MEASURE_VERBS.measureNote,
    data: { teamId: line.measure.teamId, measureId: line.measure.measureId, input: ids.input },
  };
}

/** a note as one line: when, by whom, what (people's texts as typed). */
const noteLine = (locale: Locale, timeZone: string, n: MeasureNote, max = 500) =>
  messages(locale).measureNoteLine(
    formatDateTime(locale, n.at, timeZone),
    plainText(shorten(n.byName, 60)),
    plainText(shorten(n.text, max)),
  );

function detailBlocks(locale: Locale, timeZone: string, measure: MeasureLine['measure'], d: MeasureDetails): object[] {
  const m = messages(locale);
  const ideaLines = [
    ...d.ideas.map((i) => m.measureIdeaLine(plainText(shorten(i.text, 200)), i.status)),
    ...(d.hiddenIdeas > 0 ? [m.measureIdeasHidden(d.hiddenIdeas)] : []),
    ...(d.fromItem ? [m.measureFromItem(plainText(shorten(d.fromItem, 200)))] : []),
  ];
  const group = d.group
    ? [
        ...(d.group.names.length > 0
          ? [m.measureGroup(d.group.names.map((n) => plainText(shorten(n, 60))).join(', '))]
          : []),
        ...(d.group.anonymousCount > 0 ? [m.measureGroupCount(d.group.anonymousCount)] : []),
      ]
    : [];
  return [
    ...(measure.description.trim() !== ''
      ? [{ heading: m.measureDescriptionLabel, lines: [plainText(measure.description)] }]
      : []),
    ...(ideaLines.length + group.length > 0
      ? [{ heading: m.measureIdeasHeading, lines: [...ideaLines, ...group] }]
      : []),
    {
      heading: m.measureNotesHeading,
      lines: d.notes.length > 0 ? d.notes.map((n) => noteLine(locale, timeZone, n)) : [m.measureNoNotes],
    },
  ];
}

/**
 * the board of measures (open ones first, then those finished in the last days), or one measure with its ideas,
 * working group and notes. Each shows owner, target date, status (with its reason) and the latest note; overdue
 * measures are marked. Managers get a status form, managers and owners a note form, everyone a details button;
 * boards end with a status filter.
 */
export function buildMeasuresCard(input: MeasuresCardInput): AdaptiveCard {
  const { locale, timeZone } = input;
  const m = messages(locale);
  const view = (line: MeasureLine, position: number) => {
    const x = line.measure;
    const due = formatDay(locale, x.dueDate);
    return {
      title: plainText(x.title),
      lines: [
        ...(line.teamName ? [m.measureTeamLine(plainText(line.teamName))] : []),
        m.measureMeta(m.measureStatusLabels[x.status], plainText(shorten(x.ownerName, 60)), due),
        ...(x.statusReason ? [m.measureReason(plainText(x.statusReason))] : []),
      ],
      overdue: line.overdue ? m.measureOverdue(due) : '',
      note:
        x.lastNote && !input.details
          ? m.measureLastNote(
              formatDateTime(locale, x.lastNote.at, timeZone),
              plainText(shorten(x.lastNote.byName, 60)),
              plainText(shorten(x.lastNote.text, 200)),
            )
          : '',
      details: input.details ? detailBlocks(locale, timeZone, x, input.details) : [],
      detailsButton: input.details
        ? null
        : {
            title: m.measureDetailsButton,
            verb: MEASURE_VERBS.measureDetails,
            data: { teamId: x.teamId, measureId: x.measureId },
          },
      statusForm: statusForm(locale, line, position),
      noteForm: noteForm(locale, line, position),
      // a done measure's results card ("Ihr habt gesagt – wir tun") is posted by its managers (app/results).
      resultsButton:
        line.canManage && x.status === 'done'
          ? {
              title: m.resultsPostButton,
              verb: VERBS.postResults,
              data: { kind: 'measure', id: x.measureId, teamId: x.teamId },
            }
          : null,
    };
  };
  const indexed = input.measures.map((line, position) => ({ line, position }));
  const open = indexed.filter(({ line }) => !isFinished(line.measure));
  const finished = indexed.filter(({ line }) => isFinished(line.measure));
  const grouped = !input.details && !input.filtered;
  const sections = input.details
    ? [{ heading: '', measures: indexed.map(({ line, position }) => view(line, position)) }]
    : [
        ...(open.length > 0
          ? [
              {
                heading: grouped ? m.measuresOpenHeading : '',
                measures: open.map(({ line, position }) => view(line, position)),
              },
            ]
          : []),
        ...(finished.length > 0
          ? [
              {
                heading: grouped ? m.measuresRecentHeading(RECENTLY_FINISHED_DAYS) : '',
                measures: finished.map(({ line, position }) => view(line, position)),
              },
            ]
          : []),
      ];
  const filterTeam = input.filter?.teamId !== undefined ? { teamId: input.filter.teamId } : {};
  return expandTemplate(template, {
    notice: input.notice
      ? {
          text: plainText(input.notice.text),
          lines: input.notice.lines ?? [],
          style: input.notice.kind === 'good' ? 'good' : 'attention',
          color: input.notice.kind === 'good' ? 'Good' : 'Attention',
        }
      : null,
    title: plainText(input.title),
    empty: input.measures.length > 0 ? '' : input.filtered ? m.measuresNoneFiltered : m.measuresNone,
    sections,
    more: input.more && input.more > 0 ? m.measuresMore(input.more) : '',
    filter: input.filter
      ? {
          label: m.measureFilterLabel,
          value: input.filter.value,
          choices: MEASURE_FILTERS.map((f) => ({ title: FILTER_LABEL(locale, f), value: f })),
        }
      : null,
    actions: [
      ...(input.filter
        ? [{ title: m.measureFilterButton, verb: MEASURE_VERBS.measureBoard, data: filterTeam, style: 'default' }]
        : []),
      ...(input.newMeasure
        ? [
            {
              title: m.measureNewButton,
              verb: MEASURE_VERBS.measureForm,
              data: input.newMeasure.teamId !== undefined ? { teamId: input.newMeasure.teamId } : {},
              style: 'positive',
            },
          ]
        : []),
    ],
  });
}
