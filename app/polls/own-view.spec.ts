import { asAttachment } from '../../cards/render';
import { VERBS } from '../../core/card-actions';
import type { Item } from '../../core/items';
import { refreshAudience, withItemRefresh } from './own-view';

const item = (over: Partial<Item> = {}): Item =>
  ({
    id: 'item-1',
    kind: 'poll',
    question: 'Frage?',
    options: ['a', 'b'],
    anonymous: false,
    teamId: '19:team',
    channelId: '19:team',
    status: 'open',
    createdBy: 'aad-poster',
    createdAt: new Date('2026-12-01T09:00:00Z'),
    locale: 'de',
    ...over,
  }) as Item;
const card = () => asAttachment({ type: 'AdaptiveCard', version: '1.5', body: [] });
const leaders = (ids: string[]) => ({
  roles: { leadersOfRecently: async () => ids.map((personId) => ({ personId })) },
});

describe('refreshAudience', () => {
  test('names the poster and the team’s leaders as 8:orgid ids, each once', async () => {
    const ids = await refreshAudience(leaders(['aad-lead', 'aad-poster']) as never, item());
    expect(ids).toEqual(['8:orgid:aad-poster', '8:orgid:aad-lead']);
  });

  test('leaves out a campaign as creator and stops at 60', async () => {
    const many = Array.from({ length: 70 }, (_, i) => `aad-lead-${i}`);
    const ids = await refreshAudience(leaders(many) as never, item({ createdBy: 'campaign:c1' }));
    expect(ids).toHaveLength(60);
    expect(ids[0]).toBe('8:orgid:aad-lead-0');
  });
});

describe('withItemRefresh', () => {
  test('asks for the own view with the refresh verb and the listed users', () => {
    const refresh = (withItemRefresh(card(), item(), ['8:orgid:a']).content as unknown as { refresh: unknown }).refresh;
    expect(refresh).toEqual({
      action: { type: 'Action.Execute', verb: VERBS.refresh, data: { itemId: 'item-1' } },
      userIds: ['8:orgid:a'],
    });
  });

  test('with nobody to name, carries no userIds list at all (Teams then refreshes everyone in small channels)', () => {
    const refresh = (withItemRefresh(card(), item(), []).content as unknown as { refresh: Record<string, unknown> })
      .refresh;
    expect(refresh).toEqual({ action: expect.objectContaining({ verb: VERBS.refresh }) });
  });
});
