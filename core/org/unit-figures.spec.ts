import fc from 'fast-check';
import type { Organisation } from './org-units';
import { figureTree, unitFigures, type FigureTree, type NodeFigure } from './unit-figures';

const MIN = 5;
const tally = (voters: number) => ({ counts: [voters], voters });
const team = (id: string): FigureTree => ({ id, kind: 'team', name: id, children: [] });
const unit = (id: string, ...children: FigureTree[]): FigureTree => ({ id, kind: 'unit', name: id, children });
const shownIds = (figures: NodeFigure[]) => figures.filter((f) => f.shown).map((f) => f.id);

describe('unitFigures', () => {
  it('hides a group below the threshold but counts it in its parent', () => {
    const tree = unit('amt', unit('a', team('t1')), unit('b', team('t2')), unit('c', team('t3')));
    const sizes: Record<string, number> = { t1: 8, t2: 7, t3: 2 };
    const figures = unitFigures(tree, (t) => tally(sizes[t] ?? 0), MIN, { showTeams: false });
    const amt = figures.find((f) => f.id === 'amt')!;
    expect(amt.shown).toBe(true);
    expect(amt.tally.voters).toBe(17);
    expect(figures.find((f) => f.id === 'c')).toMatchObject({ shown: false, hidden: 'belowThreshold' });
    // 17 - 8 - 7 = 2 would reveal unit c: the smaller of the shown units is withheld as well.
    expect(figures.find((f) => f.id === 'b')).toMatchObject({ shown: false, hidden: 'differencing' });
    expect(shownIds(figures)).toEqual(['amt', 'a']);
  });

  it('shows every sub-unit when none is small', () => {
    const tree = unit('amt', unit('a', team('t1')), unit('b', team('t2')));
    const figures = unitFigures(tree, (t) => tally(t === 't1' ? 6 : 9), MIN, { showTeams: false });
    expect(shownIds(figures)).toEqual(['amt', 'a', 'b']);
  });

  it('shows nothing below a hidden unit', () => {
    const tree = unit('amt', unit('a', team('t1'), team('t2')));
    const figures = unitFigures(tree, (t) => tally(t === 't1' ? 2 : 1), MIN);
    expect(shownIds(figures)).toEqual([]);
  });

  it('never leaves a shown figure minus its shown parts between 1 and the threshold (any tree, any sizes)', () => {
    const sizes = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(sizes, fc.boolean(), (s, showTeams) => {
        const tree = unit(
          'top',
          unit('a', unit('a1', team('t0'), team('t1')), team('t2')),
          unit('b', team('t3'), team('t4')),
          team('t5'),
        );
        const figures = unitFigures(tree, (t) => tally(s[Number(t.slice(1))] ?? 0), MIN, { showTeams });
        for (const parent of figures.filter((f) => f.shown)) {
          const shownChildren = figures.filter((f) => f.parentId === parent.id && f.shown);
          const rest = parent.tally.voters - shownChildren.reduce((acc, c) => acc + c.tally.voters, 0);
          expect(rest === 0 || rest >= MIN).toBe(true);
          expect(parent.tally.voters).toBeGreaterThanOrEqual(MIN);
        }
        for (const f of figures.filter((x) => x.shown && x.parentId !== undefined))
          expect(figures.find((p) => p.id === f.parentId)?.shown).toBe(true);
      }),
    );
  });
});

describe('figureTree', () => {
  const org: Organisation = {
    units: [
      { id: 'amt', name: 'Amt', teamIds: ['t0'], leaderIds: [] },
      { id: 'abt', name: 'Abteilung', parentId: 'amt', teamIds: ['t1', 't2'], leaderIds: [] },
      { id: 'sg', name: 'Sachgebiet', parentId: 'abt', teamIds: ['t3'], leaderIds: [] },
    ],
  };
  const names = { top: 'Org', team: (t: string) => `Team ${t}` };

  it('puts the whole organisation under one top, teams outside units last', () => {
    const tree = figureTree(org, new Set(['t0', 't1', 't3', 'tx']), names);
    expect(tree.kind).toBe('top');
    expect(tree.children.map((c) => c.id)).toEqual(['amt', 'tx']);
    const abt = tree.children[0]!.children.find((c) => c.id === 'abt')!;
    expect(abt.children.map((c) => c.id)).toEqual(['sg', 't1']);
  });

  it('gives a unit leader their unit as the top, and a unit inside another led unit only once', () => {
    const tree = figureTree(org, new Set(['t1', 't3']), names, { unitIds: ['abt', 'sg'], teamIds: ['t3'] });
    expect(tree.id).toBe('abt');
    expect(tree.children.map((c) => c.id)).toEqual(['sg', 't1']);
  });
});
