import type { Locale } from '../../core/locale';
import type { Measure } from '../../core/measures/measure';
import { messages } from '../../core/messages';
import { buildMeasureFormCard, buildMeasureTeamPickCard } from '../measure-form-card';
import { buildMeasuresCard, type MeasureLine } from '../measures-card';
import { asAttachment } from '../render';
import type { CardSample } from './card-sample';
import { PEOPLE, SAMPLE_TIME_ZONE } from './sample-items';

const TEAM = 'Team Digitalisierung';
const AT = new Date('2026-11-24T09:30:00Z');
const name = (i: number) => PEOPLE[i] ?? 'Anna Becker';

function measures(locale: Locale): Measure[] {
  const de = locale === 'de';
  const base = {
    teamId: 't1',
    description: '',
    ideaIds: [],
    volunteersAsGroup: false,
    createdById: 'aad-0',
    createdByName: name(0),
    createdAt: AT,
    statusAt: AT,
  };
  return [
    {
      ...base,
      measureId: 'mSample0001',
      title: de ? 'Fester Rückruftag für Bürgeranfragen' : 'A fixed call-back day for citizens’ questions',
      ownerId: 'aad-1',
      ownerName: name(1),
      dueDate: '2026-11-15',
      status: 'inProgress',
      lastNote: {
        text: de
          ? 'Pilot mit zwei Sachgebieten läuft, Auswertung Ende des Monats.'
          : 'Pilot with two units running, review at the end of the month.',
        byId: 'aad-1',
        byName: name(1),
        at: AT,
      },
    },
    {
      ...base,
      measureId: 'mSample0002',
      title: de ? 'Vorlagen für Bescheide überarbeiten' : 'Revise the templates for notices',
      ownerId: 'aad-2',
      ownerName: name(2),
      dueDate: '2027-01-31',
      status: 'planned',
    },
    {
      ...base,
      measureId: 'mSample0003',
      title: de ? 'Wartemarkenautomat im Eingangsbereich' : 'Queue ticket machine at the entrance',
      ownerId: 'aad-3',
      ownerName: name(3),
      dueDate: '2026-10-30',
      status: 'done',
    },
    {
      ...base,
      measureId: 'mSample0004',
      title: de ? 'Homeoffice-Tage tauschen können' : 'Swapping home-office days',
      ownerId: 'aad-4',
      ownerName: name(4),
      dueDate: '2026-12-15',
      status: 'dropped',
      statusReason: de ? 'Die Dienstvereinbarung regelt das bereits.' : 'The works agreement already covers this.',
    },
  ];
}

const TODAY = '2026-11-24';
const lines = (locale: Locale, rights: { manage: boolean; team?: boolean }): MeasureLine[] =>
  measures(locale).map((measure) => ({
    measure,
    ...(rights.team ? { teamName: measure.measureId === 'mSample0002' ? 'Jobcenter Mitte' : TEAM } : {}),
    overdue: (measure.status === 'planned' || measure.status === 'inProgress') && measure.dueDate < TODAY,
    canManage: rights.manage,
    canNote: rights.manage,
  }));

function form(locale: Locale, errors = false) {
  const de = locale === 'de';
  return asAttachment(
    buildMeasureFormCard({
      locale,
      teamId: 't1',
      teamName: TEAM,
      owners: [0, 1, 2, 3].map((i) => ({ id: `aad-${i}`, name: name(i) })),
      ideas: [
        { id: 'x.2026-W48.a', text: de ? 'Ein fester Rückruftag pro Woche' : 'A fixed call-back day each week' },
        { id: 'x.2026-W47.b', text: de ? 'Rückrufe im Kalender eintragen' : 'Put call-backs into the calendar' },
      ],
      values: {
        title: errors
          ? ''
          : de
            ? 'Fester Rückruftag für Bürgeranfragen'
            : 'A fixed call-back day for citizens’ questions',
        description: '',
        ownerId: errors ? 'aad-9' : 'aad-0',
        dueDate: errors ? '2026-11-01' : '',
        ideaIds: ['x.2026-W48.a'],
        group: true,
      },
      today: TODAY,
      ...(errors
        ? {
            errors: {
              title: messages(locale).errMeasureTitle,
              ownerId: messages(locale).errMeasureOwnerNotMember,
              dueDate: messages(locale).errMeasureDatePast,
            },
          }
        : {}),
    }),
  );
}

/** measures: the form (with and without problems), the team choice, the boards, one measure after a change. */
export const MEASURE_SAMPLES: readonly CardSample[] = [
  {
    id: 'measure-form',
    title: 'New measure',
    purpose:
      'A leader clicked “Maßnahme anlegen” on an accepted idea (or typed `maßnahme neu`): title, what will be done, owner from the roster, target date, ideas, working group.',
    template: 'measure-form',
    build: (l) => form(l),
  },
  {
    id: 'measure-form-errors',
    title: 'New measure with problems',
    purpose: 'The form sent back with the problems under the fields: no title, an owner outside the team, a past date.',
    template: 'measure-form',
    build: (l) => form(l, true),
  },
  {
    id: 'measure-team-pick',
    title: 'New measure: which team',
    purpose: '`maßnahme neu` in the personal chat of someone who leads several teams.',
    template: 'measure-form',
    build: (l) =>
      asAttachment(
        buildMeasureTeamPickCard(l, [
          { teamId: 't1', name: TEAM },
          { teamId: 't2', name: 'Jobcenter Mitte' },
        ]),
      ),
  },
  {
    id: 'measures-board-channel',
    title: 'Measures board in a channel',
    purpose:
      '`maßnahmen` in a team channel: open measures (the overdue one marked) and those finished lately, with owner, target, status and latest note.',
    template: 'measures',
    build: (l) =>
      asAttachment(
        buildMeasuresCard({
          locale: l,
          timeZone: SAMPLE_TIME_ZONE,
          title: messages(l).measuresTitle(TEAM),
          measures: lines(l, { manage: false }),
          filter: { value: 'all', teamId: 't1' },
        }),
      ),
  },
  {
    id: 'measures-board-personal',
    title: 'Measures board in the personal chat (leader)',
    purpose:
      '`maßnahmen` in the personal chat of a leader: the measures of their teams with status and note forms, a status filter and “create measure”.',
    template: 'measures',
    build: (l) =>
      asAttachment(
        buildMeasuresCard({
          locale: l,
          timeZone: SAMPLE_TIME_ZONE,
          title: messages(l).measuresTitleMine,
          measures: lines(l, { manage: true, team: true }),
          filter: { value: 'all' },
          newMeasure: {},
        }),
      ),
  },
  {
    id: 'measures-board-filtered',
    title: 'Measures board filtered by status',
    purpose: 'After “Filtern” with the status “in Umsetzung”.',
    template: 'measures',
    build: (l) =>
      asAttachment(
        buildMeasuresCard({
          locale: l,
          timeZone: SAMPLE_TIME_ZONE,
          title: messages(l).measuresTitleMine,
          measures: lines(l, { manage: false }).filter((x) => x.measure.status === 'inProgress'),
          filter: { value: 'inProgress' },
          filtered: true,
        }),
      ),
  },
  {
    id: 'measure-status-changed',
    title: 'Measure after a status change',
    purpose:
      'What a leader sees after moving a measure on: the new status, what the linked ideas did, who was told, and that anonymous authors cannot be told.',
    template: 'measures',
    build: (l) => {
      const m = messages(l);
      const [first] = lines(l, { manage: true });
      const measure = { ...first!.measure, status: 'done' as const };
      return asAttachment(
        buildMeasuresCard({
          locale: l,
          timeZone: SAMPLE_TIME_ZONE,
          title: m.measuresTitle(TEAM),
          measures: [{ ...first!, measure, overdue: false }],
          details: {
            ideas: [
              {
                text: l === 'de' ? 'Ein fester Rückruftag pro Woche' : 'A fixed call-back day each week',
                status: m.ideaStatusLabels.done,
              },
              {
                text: l === 'de' ? 'Rückrufe im Kalender eintragen' : 'Put call-backs into the calendar',
                status: m.ideaStatusLabels.done,
              },
            ],
            hiddenIdeas: 0,
            group: { names: [name(2), name(5)], anonymousCount: 2 },
            notes: first!.measure.lastNote ? [first!.measure.lastNote] : [],
          },
          notice: {
            kind: 'good',
            text: m.measureStatusChanged(measure.title, m.measureStatusLabels.done),
            lines: [
              m.measureIdeasFollow(2, m.ideaStatusLabels.done),
              m.measureToldAuthors(1),
              m.measureToldBackers(4),
              m.measureAnonymousIdeas(1),
            ],
          },
        }),
      );
    },
  },
];
