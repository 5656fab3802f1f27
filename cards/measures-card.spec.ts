import { buildMeasuresCard, type MeasureLine } from './measures-card';
import { messages } from '../core/messages';
import { interactive } from '../test/support/card-nodes';

const de = messages('de');
const line = (status: MeasureLine['measure']['status'], canManage: boolean): MeasureLine => ({
  measure: {
    measureId: 'mAbcdef01',
    teamId: 't1',
    title: 'Ruhiger Raum',
    description: '',
    ownerName: 'Anna',
    dueDate: '2026-11-30',
    status,
  },
  overdue: false,
  canManage,
  canNote: canManage,
});
const card = (l: MeasureLine) =>
  buildMeasuresCard({ locale: 'de', timeZone: 'Europe/Berlin', title: 'Maßnahmen', measures: [l] });
const resultsButtons = (l: MeasureLine) => interactive(card(l)).filter((a) => a.verb === 'mitwirken.postResults');

describe('the measures card', () => {
  test('offers managers of a done measure to post its results to the team', () => {
    expect(resultsButtons(line('done', true))).toEqual([
      expect.objectContaining({
        title: de.resultsPostButton,
        data: { kind: 'measure', id: 'mAbcdef01', teamId: 't1' },
      }),
    ]);
  });

  test('offers it to nobody else, and not before the measure is done', () => {
    expect(resultsButtons(line('done', false))).toEqual([]);
    expect(resultsButtons(line('inProgress', true))).toEqual([]);
  });
});
