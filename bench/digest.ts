import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createBotApp } from '../host/bot-app';
import { buildLeaderDigest, type DigestLeader } from '../app/digest/digest-builder';
import { buildDigestCard } from '../cards/digest-card';
import { addWeeks, weekRange, type WeekKey } from '../core/digest/digest-week';
import type { Item } from '../core/items';
import { isoWeekKey } from '../core/iso-week';
import type { Storage } from '../storage/open-storage';
import type { Benchmark, Metric } from './benchmark';
import {
  FANOUT_TENANT,
  fanoutConfig,
  openFanoutStorage,
  startTableProcess,
  teamIdOf,
} from '../test/support/fanout-world';
import { TeamsConnector } from '../test/support/teams-connector';

const BOT = { id: '28:mitwirken-bot', name: 'Mitwirken' };
const MEMBERS = 60;
const DAY = 86_400_000;
const OPTIONS = ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'];

/** runs `work` over `items` with at most `limit` at once. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/**
 * one team's week as a campaign leaves it: a named poll, an anonymous poll and an idea prompt posted on Monday,
 * answered by `answers` people-answers (40 % each poll, 20 % ideas) during the week, the polls closed on Saturday;
 * the idea prompt of the digest's own week stays open. Everything through the repositories, as the bot writes it.
 */
async function seedTeamWeek(
  storage: Storage,
  o: { teamId: string; week: WeekKey; answers: number; timeZone: string; digestWeek: boolean },
): Promise<void> {
  const monday = weekRange(o.week, o.timeZone).start.getTime();
  const at = (n: number) => new Date(monday + DAY + (n * 3 * DAY) / Math.max(1, o.answers)); // Tuesday … Thursday
  const item = (kind: Item['kind'], anonymous: boolean, question: string): Item => ({
    id: randomUUID(),
    teamId: o.teamId,
    channelId: o.teamId,
    kind,
    ...(kind === 'poll' && { pollKind: 'single' as const }),
    question,
    options: kind === 'poll' ? OPTIONS : [],
    anonymous,
    status: 'open',
    createdBy: 'campaign:puls',
    createdAt: new Date(monday + 9 * 3_600_000),
    closesAt: new Date(monday + 5 * DAY),
    locale: 'de',
  });
  const items: Item[] = [];
  for (const it of [
    item('poll', false, 'Wie gut fühlst du dich informiert?'),
    item('poll', true, 'Wie ist die Stimmung im Team?'),
    item('idea', false, 'Was sollten wir ändern?'),
  ]) {
    await storage.items.create(it);
    items.push(await storage.items.markPosted(it.id, `${o.teamId};messageid=${it.id}`, `m-${it.id}`, [o.teamId]));
  }
  const [named, anonymous, prompt] = items as [Item, Item, Item];
  const person = (p: number) => ({
    aadObjectId: `aad-${o.teamId.slice(8, 13)}-${p % MEMBERS}`,
    name: `Person ${p % MEMBERS}`,
  });
  const votes = Math.round(o.answers * 0.4);
  // one stream of answers per item: items answer in parallel, each item's answers one after another.
  await Promise.all([
    (async () => {
      for (let n = 0; n < votes; n++) await storage.responses.castVote(named, person(n), [n % OPTIONS.length], at(n));
    })(),
    (async () => {
      for (let n = 0; n < votes; n++)
        await storage.responses.castVote(anonymous, person(n + 7), [(n * 3) % OPTIONS.length], at(n));
    })(),
    (async () => {
      for (let n = 0; n < o.answers - 2 * votes; n++)
        await storage.responses.submitIdea(
          prompt,
          person(n + 3),
          `Idee ${n}: mehr Austausch zwischen den Teams`,
          `d-${prompt.id}-${n}`,
          at(n),
        );
    })(),
  ]);
  for (const it of o.digestWeek ? [named, anonymous] : items)
    await storage.items.close(it.id, new Date(monday + 5 * DAY));
}

export async function seedWeek(
  storage: Storage,
  o: { teams: string[]; week: WeekKey; answersPerTeam: number; timeZone: string; digestWeek: boolean },
): Promise<void> {
  await eachLimited(o.teams, 50, (teamId) =>
    seedTeamWeek(storage, {
      teamId,
      week: o.week,
      answers: o.answersPerTeam,
      timeZone: o.timeZone,
      digestWeek: o.digestWeek,
    }),
  );
  await storage.participation.flush(); // anonymous answers' weekly participation, written late as in production
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * builds every leader's digest (app/digest/digest-builder.ts buildLeaderDigest plus the card) for 200 teams (quick: 10),
 * one leader per team, for a week of 5,000 answers (quick: 500): first with only that week stored, then after nine
 * earlier weeks of the same volume were added. Each figure is the median of three runs. Azurite runs in its own
 * process, the roster comes from the Teams stand-in. Flags: --teams N, --answers N (per week; `--answers 20000`,
 * the sizing target of a large administration, takes over an hour: Azurite's in-memory store slows down as its tables grow).
 */
/** what both digest benchmarks run against: Azurite in its own process, the Teams stand-in, the bot, and the teams. */
export interface DigestWorld {
  tables: Awaited<ReturnType<typeof startTableProcess>>;
  config: ReturnType<typeof fanoutConfig>;
  storage: Storage;
  app: ReturnType<typeof createBotApp>;
  /** team ids, installed with their General channel. */
  teams: string[];
  now: Date;
  stop(): Promise<void>;
}

/** starts a digest benchmark's world with `teamCount` installed teams, each with the stand-in's 60 members. */
export async function startDigestWorld(teamCount: number): Promise<DigestWorld> {
  const tables = await startTableProcess();
  const members = Array.from({ length: MEMBERS }, (_, p) => ({
    id: `29:m-${p}`,
    name: `Person ${p}`,
    aadObjectId: `aad-m-${p}`,
  }));
  const connector = await new TeamsConnector({ everyone: members }).start();
  const stop = async () => {
    await connector.stop();
    await tables.close();
  };
  try {
    const config = fanoutConfig();
    const storage = await openFanoutStorage(tables.connectionString, config);
    const app = createBotApp({ config, storage, log: pino({ level: 'silent' }) });
    const teams = Array.from({ length: teamCount }, (_, i) => teamIdOf(i));
    const now = new Date();
    for (const [i, teamId] of teams.entries()) {
      await storage.installations.saveTeam({
        teamId,
        name: `Team ${String(i).padStart(3, '0')}`,
        tenantId: FANOUT_TENANT,
        serviceUrl: connector.url,
        active: true,
        reference: {
          serviceUrl: connector.url,
          channelId: 'msteams',
          bot: BOT,
          conversation: { id: teamId, tenantId: FANOUT_TENANT, conversationType: 'channel', isGroup: true },
        },
        updatedAt: now,
      });
    }
    return { tables, config, storage, app, teams, now, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export const digestBenchmark: Benchmark = {
  name: 'digest',
  description: 'all weekly digests with one week of history and with ten',
  async run({ quick, args, note }): Promise<Metric[]> {
    const teamCount = Number(args.teams ?? (quick ? 10 : 200));
    const answersPerWeek = Number(args.answers ?? (quick ? 500 : 5_000));
    const answersPerTeam = Math.max(5, Math.round(answersPerWeek / teamCount));
    const world = await startDigestWorld(teamCount);
    const { tables, config, storage, app, teams, now } = world;
    try {
      const leaders: DigestLeader[] = teams.map((teamId, i) => ({
        personId: `aad-leader-${i}`,
        name: `Leitung ${i}`,
        teamIds: [teamId],
      }));
      const week = isoWeekKey(new Date(now.getTime() - 7 * DAY), config.timeZone);
      /** builds every digest; the time it took and the storage requests it made. */
      const buildAll = async (): Promise<{ ms: number; requests: number }> => {
        const requestsBefore = tables.usage().requests;
        const started = performance.now();
        await eachLimited(leaders, 8, async (leader) => {
          buildDigestCard(await buildLeaderDigest(app.services, leader, week, { interim: false, locale: 'de' }));
        });
        const ms = performance.now() - started;
        await new Promise((r) => setTimeout(r, 200)); // the access log arrives a moment later
        return { ms, requests: tables.usage().requests - requestsBefore };
      };
      /** one query of an empty partition: in Azure it costs the same at any table size, in Azurite it scans the table. */
      const probe = async (): Promise<number> => {
        const times: number[] = [];
        for (let i = 0; i < 9; i++) {
          const started = performance.now();
          await storage.weeklyParticipation.participants('19:no-such-team', week);
          times.push(performance.now() - started);
        }
        return median(times);
      };
      const measure = async () => {
        const runs = [await buildAll(), await buildAll(), await buildAll()];
        return {
          ms: median(runs.map((r) => r.ms)),
          requests: median(runs.map((r) => r.requests)),
          probeMs: await probe(),
        };
      };
      const seedStarted = performance.now();
      await seedWeek(storage, { teams, week, answersPerTeam, timeZone: config.timeZone, digestWeek: true });
      note(
        `${week}: ${teamCount} teams, ${answersPerTeam * teamCount} answers seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
      );
      await buildAll(); // warm-up
      const oneWeek = await measure();
      for (let back = 1; back <= 9; back++) {
        await seedWeek(storage, {
          teams,
          week: addWeeks(week, -back),
          answersPerTeam,
          timeZone: config.timeZone,
          digestWeek: false,
        });
        note(`history: ${back} of 9 earlier weeks seeded`);
      }
      const tenWeeks = await measure();
      await app.close();
      return [
        { metric: 'digest_teams', value: teamCount, unit: 'teams' },
        { metric: 'digest_answers_per_week', value: answersPerTeam * teamCount, unit: 'answers' },
        { metric: 'digest_ms_1x', value: round(oneWeek.ms, 0), unit: 'ms' },
        { metric: 'digest_ms_10x', value: round(tenWeeks.ms, 0), unit: 'ms' },
        { metric: 'digest_history_ratio', value: round(tenWeeks.ms / oneWeek.ms), unit: 'ratio' },
        // what Azure bills and serves by partition: requests do not grow with the history (Azurite's in-memory store
        // scans the whole table for every query, so its time does).
        { metric: 'digest_requests_1x', value: oneWeek.requests, unit: 'requests' },
        { metric: 'digest_requests_10x', value: tenWeeks.requests, unit: 'requests' },
        { metric: 'digest_requests_ratio', value: round(tenWeeks.requests / oneWeek.requests), unit: 'ratio' },
        { metric: 'azurite_empty_query_ms_1x', value: round(oneWeek.probeMs, 1), unit: 'ms' },
        { metric: 'azurite_empty_query_ms_10x', value: round(tenWeeks.probeMs, 1), unit: 'ms' },
      ];
    } finally {
      await world.stop();
    }
  },
};
