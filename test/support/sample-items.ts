import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Campaign, PollItem } from '../../core/campaigns/campaign';
import type { DigestInput, DigestTeamInput } from '../../core/digest/digest';
import { trendWeeks } from '../../core/digest/digest-week';
import type { Item } from '../../core/items';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { IdeaView } from '../../core/ideas/idea-view';
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
  if (submission.status !== 'recorded' || !submission.idea)
    throw new Error(`expected a stored named idea, got ${JSON.stringify(submission)}`);
  return submission.idea;
}

/** an idea on prompt 'prompt-1' of a closed prompt with 9 participants: new, named, unsupported; override what a test cares about. */
export function sampleIdeaView(over: Partial<IdeaView> = {}): IdeaView {
  return {
    ideaId: 'idea-1',
    itemId: 'prompt-1',
    text: 'Idee 1',
    status: 'new',
    supportCount: 0,
    volunteers: [],
    anonymous: false,
    createdAt: new Date('2026-11-24T09:00:00Z'),
    promptParticipants: 9,
    promptClosed: true,
    ...over,
  };
}

/**
 * a maker of numbered ideas (sampleIdeaView): the n-th call gives 'idea-n' with the text 'Idee n', created n minutes
 * after `from`, with `supportCount(n)` supporters (default none).
 */
export function ideaViewMaker(o: {
  from: Date;
  promptParticipants: number;
  supportCount?: (n: number) => number;
}): (over?: Partial<IdeaView>) => IdeaView {
  let n = 0;
  return (over = {}) => {
    n++;
    return sampleIdeaView({
      ideaId: `idea-${n}`,
      text: `Idee ${n}`,
      supportCount: o.supportCount?.(n) ?? 0,
      createdAt: new Date(o.from.getTime() + n * 60_000),
      promptParticipants: o.promptParticipants,
      ...over,
    });
  };
}

/** the calendar week the digest samples are for. */
export const SAMPLE_WEEK = '2026-W48';

/** one team in a digest of SAMPLE_WEEK: 20 members, 10 taking part in every week of the trend, no items or ideas; override what a test cares about. */
export function sampleDigestTeam(over: Partial<DigestTeamInput> = {}): DigestTeamInput {
  return {
    teamId: 't1',
    teamName: 'Team Digitalisierung',
    memberCount: 20,
    participantsByWeek: Object.fromEntries(trendWeeks(SAMPLE_WEEK).map((w) => [w, 10])),
    newIdeas: [],
    closedItems: [],
    openItems: [],
    ...over,
  };
}

/** a leader's final digest of SAMPLE_WEEK for `teams`, in German, Berlin time, groups of at least 5. */
export function sampleDigestInput(teams: DigestTeamInput[], over: Partial<DigestInput> = {}): DigestInput {
  return {
    leader: { id: 'aad-lead', name: 'Anna Becker' },
    week: SAMPLE_WEEK,
    interim: false,
    timeZone: 'Europe/Berlin',
    locale: 'de',
    minGroupSize: 5,
    minGroupSizeText: 5,
    teams,
    ...over,
  };
}

/** a campaign's anonymous single-choice poll, weekly from Monday 7 December 2026, 09:00, open for five days. */
export function sampleCampaignPoll(over: Partial<PollItem> = {}): PollItem {
  return {
    type: 'poll',
    id: 'item-1',
    question: 'Wie gut fühlst du dich informiert?',
    options: ['gut', 'schlecht'],
    multiple: false,
    anonymous: true,
    schedule: { start: '2026-12-07T09:00', every: 'P1W' },
    openFor: 'P5D',
    ...over,
  };
}

/** a scheduled campaign 'gute-arbeit' for every team's General channel, Berlin time, with sampleCampaignPoll; override what a test cares about. */
export function sampleCampaign(over: Partial<Campaign> = {}): Campaign {
  return {
    id: 'gute-arbeit',
    title: 'Gute Arbeit',
    targets: { kind: 'all' },
    channel: 'General',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    items: [sampleCampaignPoll()],
    ...over,
  };
}

/** a campaign item's start (`schedule.start`, wall-clock time in `timeZone`) a minute ago: inside the catch-up window, due at the next tick. */
export function aMinuteAgo(timeZone = 'Europe/Berlin'): string {
  return DateTime.now().setZone(timeZone).minus({ minutes: 1 }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** a temporary folder of campaign files (CAMPAIGNS_DIR), by file name; the test removes it when done. */
export function campaignsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-campaigns-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
