import { IDEA_VERBS } from '../core/ideas/idea-actions';
import { messages } from '../core/messages';
import { buildIdeasCard, type IdeasCardInput } from './ideas-card';
import type { AdaptiveCard } from './render';
import { nodes, ofType, textBlocks, type CardNode as Node } from '../test/support/card-nodes';
import { ideaViewMaker } from '../test/support/sample-items';
import { buildStatusChangeResultCard } from './status-change-result-card';

const texts = textBlocks;

const idea = ideaViewMaker({
  from: new Date(Date.UTC(2026, 10, 24)),
  promptParticipants: 9,
  supportCount: (n) => 10 - n,
});
const a = idea({ ideaId: 'a', authorName: 'Ben', volunteers: [{ name: 'Cem' }] });
const b = idea({ ideaId: 'b', anonymous: true, authorName: 'Geheim', volunteers: [{ name: 'Dora' }] });
const card = (over: Partial<IdeasCardInput> = {}) =>
  buildIdeasCard({
    locale: 'de',
    teamName: 'Team Recht',
    ideas: [a, b],
    minGroupSizeText: 5,
    viewer: { supported: [], volunteered: [], canManage: false },
    ...over,
  });
const executes = (c: AdaptiveCard) => ofType(c, 'Action.Execute');

describe('buildIdeasCard', () => {
  test('offers support and volunteering to a viewer who has done neither', () => {
    const actions = executes(card()).filter((x) => (x.data as Node).ideaId === 'a');
    expect(actions).toEqual([
      expect.objectContaining({ title: 'Unterstützen', verb: IDEA_VERBS.ideaSupport, data: { ideaId: 'a', on: true } }),
      expect.objectContaining({
        title: 'Ich mache mit',
        verb: IDEA_VERBS.ideaVolunteer,
        data: { ideaId: 'a', on: true },
      }),
    ]);
  });

  test('offers withdrawing to a viewer who already supports and volunteers', () => {
    const actions = executes(card({ viewer: { supported: ['a'], volunteered: ['a'], canManage: false } })).filter(
      (x) => (x.data as Node).ideaId === 'a',
    );
    expect(actions.map((x) => [x.title, (x.data as Node).on])).toEqual([
      ['Unterstützung zurückziehen', false],
      ['Ich mache nicht mehr mit', false],
    ]);
  });

  test('shows the status form and the follow-up poll only to managers', () => {
    expect(ofType(card({ promptItemId: 'prompt-1' }), 'Action.ShowCard')).toHaveLength(0);
    const managed = card({ promptItemId: 'prompt-1', viewer: { supported: [], volunteered: [], canManage: true } });
    const shows = ofType(managed, 'Action.ShowCard');
    expect(shows.map((s) => s.title)).toEqual(['Status ändern', 'Status ändern', 'Folgeumfrage erstellen']);
    const followUp = executes(managed).find((x) => x.verb === IDEA_VERBS.followUpPoll);
    expect(followUp?.data).toEqual({ itemId: 'prompt-1' });
    expect(ofType(managed, 'Input.Number').map((i) => i.id)).toEqual(['topN', 'maxPicks']);
  });

  test('offers no follow-up poll when the ideas come from several prompts', () => {
    expect(
      executes(card({ viewer: { supported: [], volunteered: [], canManage: true } })).some(
        (x) => x.verb === IDEA_VERBS.followUpPoll,
      ),
    ).toBe(false);
  });

  test('uses only idea verbs and labels every input', () => {
    const c = card({ promptItemId: 'prompt-1', viewer: { supported: [], volunteered: [], canManage: true } });
    for (const x of executes(c)) expect(Object.values(IDEA_VERBS)).toContain(x.verb);
    for (const input of nodes(c).filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.')))
      expect(String(input.label ?? '')).not.toBe('');
  });

  test('never shows names next to an anonymous idea', () => {
    const all = texts(card()).join('\n');
    expect(all).toContain('von Ben');
    expect(all).toContain('Machen mit: Cem');
    expect(all).not.toMatch(/Geheim|Dora/);
  });

  test('hides anonymous ideas of prompts with fewer than five participants', () => {
    const c = card({ ideas: [idea({ anonymous: true, text: 'versteckt', promptParticipants: 4 })] });
    expect(texts(c)).not.toContain('versteckt');
    expect(texts(c)).toContain(messages('de').ideasNone);
  });

  test('writes the card in English', () => {
    const c = card({ locale: 'en' });
    expect(texts(c)).toContain('Top ideas – Team Recht');
    expect(executes(c).map((x) => x.title)).toContain('Support');
  });

  test('stays under 28 KB with ten long ideas for a manager', () => {
    const ideas = Array.from({ length: 10 }, () =>
      idea({
        text: 'Ü'.repeat(1000),
        authorName: 'N'.repeat(100),
        volunteers: Array.from({ length: 40 }, (_, i) => ({ name: `P${i}` })),
      }),
    );
    const c = card({ ideas, promptItemId: 'prompt-1', viewer: { supported: [], volunteered: [], canManage: true } });
    expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(28 * 1024);
  });
});

describe('buildStatusChangeResultCard', () => {
  test('confirms the new status and says who is told', () => {
    const c = buildStatusChangeResultCard('de', {
      ideaText: 'Mehr Homeoffice',
      status: 'accepted',
      note: 'ab Januar',
      anonymous: false,
      threadReplied: true,
      supportersNotified: 3,
    });
    expect(texts(c)).toEqual([
      'Status geändert',
      'Die Idee „Mehr Homeoffice“ ist jetzt: angenommen.',
      'Notiz: ab Januar',
      messages('de').ideaNotifiedThread,
      messages('de').ideaNotifiedAuthor,
      messages('de').ideaNotifiedSupporters(3),
    ]);
  });

  test('says that an anonymous author cannot be told', () => {
    const c = buildStatusChangeResultCard('en', {
      ideaText: 'x',
      status: 'declined',
      note: 'no',
      anonymous: true,
      threadReplied: false,
      supportersNotified: 0,
    });
    expect(texts(c)).toContain(messages('en').ideaNotifiedAnonymous);
    expect(executes(c)).toHaveLength(0);
  });
});
