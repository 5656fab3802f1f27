import { randomUUID } from 'node:crypto';
import type { Item } from '../../core/items';

/** an open single-choice poll with fresh ids; override what a test cares about. */
export function samplePoll(over: Partial<Item> = {}): Item {
  return {
    id: randomUUID(),
    teamId: 'team-1',
    channelId: 'team-1',
    kind: 'poll',
    pollKind: 'single',
    question: 'Wie zufrieden bist du?',
    options: ['sehr', 'eher', 'kaum'],
    anonymous: false,
    status: 'open',
    createdBy: 'aad-admin',
    createdAt: new Date('2026-03-02T09:00:00Z'),
    locale: 'de',
    ...over,
  };
}
