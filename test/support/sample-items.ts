import { randomUUID } from 'node:crypto';
import type { Item } from '../../core/items';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { IdeaSubmission } from '../../storage/response-repository';

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

/** the idea record a named prompt's submission created; fails the test when there is none. */
export function recordOf(submission: IdeaSubmission): IdeaRecord {
  if (submission.status !== 'recorded' || !submission.idea) throw new Error(`expected a stored named idea, got ${JSON.stringify(submission)}`);
  return submission.idea;
}
