import { LOCALES } from '../core/locale';
import { messages } from '../core/messages';
import type { Benchmark, Metric } from './benchmark';
import { FANOUT_ADMIN, teamIdOf } from '../test/support/fanout-world';
import { drive, percentile } from './ingest';
import { stringsIn } from '../test/support/card-nodes';
import {
  benchPerson,
  channelMessage,
  post,
  startBotProcessWorld,
  voteInvoke,
  voteReplyOf,
  type BotProcessWorld,
  type ChannelSpot,
  type VoteReply,
} from './ingest-world';
import type { TeamsDelivery } from '../test/support/teams-connector';

const INSTANCES = 2;
const IN_FLIGHT = 48;
const QUESTION = 'Wie gut fühlst du dich nach der Ankündigung informiert?';
const OPTIONS = ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'];
const ADMIN = { id: '29:admin', aadObjectId: FANOUT_ADMIN, name: 'Sabine Krüger' };
const TEAM = { teamId: teamIdOf(0), teamName: 'Alle Mitarbeitenden', channelId: teamIdOf(0) };
/** a card update counts as the last one once the connector has seen no other for this long. */
const QUIET_MS = 2000;

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const catalogues = LOCALES.map((l) => messages(l));

/** a poll as posted into the channel: its item id, its post and the post's thread. */
interface PostedPoll {
  itemId: string;
  activityId: string;
  anonymous: boolean;
  thread: ChannelSpot;
}

/** one voter's vote: what the card answered, the HTTP status, the round trip in ms. */
interface Vote {
  voter: number;
  reply: VoteReply;
  status: number;
  ms: number;
  text: string;
}

/** the texts of the cards (attachments) an activity carries, and its plain text. */
const textsOf = (d: TeamsDelivery): string[] => stringsIn([d.activity.text, d.activity.attachments]);

/** what the Teams stand-in has accepted so far, as far as `match` picks it. */
async function deliveries(world: BotProcessWorld, match: (d: TeamsDelivery) => boolean): Promise<TeamsDelivery[]> {
  return (await world.connector.record()).delivered.filter(match);
}

/** posts `umfrage [--anonym] Frage? | …` as the admin in the channel and finds the new post at the Teams stand-in. */
async function postPoll(world: BotProcessWorld, anonymous: boolean, known: Set<string>): Promise<PostedPoll> {
  const channel: ChannelSpot = { serviceUrl: world.connector.url, ...TEAM, conversationId: TEAM.channelId };
  const text = `umfrage ${anonymous ? '--anonym ' : ''}${QUESTION} | ${OPTIONS.join(' | ')}`;
  const res = await post(
    world.urls[0] as string,
    JSON.stringify(channelMessage(channel, ADMIN, { id: `post-${anonymous ? 'anonymous' : 'named'}`, text })),
  );
  const posts = await deliveries(world, (d) => d.kind === 'create' && d.itemId !== undefined && !known.has(d.itemId));
  const posted = posts[0];
  if (res.status !== 200 || posts.length !== 1 || !posted?.itemId) {
    const said = (await deliveries(world, (d) => d.kind !== 'update')).flatMap(textsOf).slice(-3);
    throw new Error(
      `hotpoll: posting the ${anonymous ? 'anonymous' : 'named'} poll gave HTTP ${res.status} and ${posts.length} new posts; the bot said: ${said.join(' / ') || '(nothing)'}`,
    );
  }
  known.add(posted.itemId);
  return {
    itemId: posted.itemId,
    activityId: posted.activityId,
    anonymous,
    thread: { ...channel, conversationId: posted.conversationId },
  };
}

/** waits until the connector has seen no new update of the poll's post for QUIET_MS (at most 30 s); all its updates. */
async function cardSettled(world: BotProcessWorld, poll: PostedPoll): Promise<TeamsDelivery[]> {
  // a closed card has no actions, so no item id in its data: updates are found by the post they replace.
  const ofPost = (d: TeamsDelivery) =>
    d.kind === 'update' && d.conversationId === poll.thread.conversationId && d.activityId === poll.activityId;
  let updates = await deliveries(world, ofPost);
  for (const until = performance.now() + 30_000; performance.now() < until;) {
    await sleep(QUIET_MS);
    const now = await deliveries(world, ofPost);
    if (now.length === updates.length) return now;
    updates = now;
  }
  return updates;
}

/** voter i (person i of the roster) picks option i mod 4 on instance i mod 2; `inFlight` votes are under way at any time. */
async function castVotes(
  world: BotProcessWorld,
  poll: PostedPoll,
  voters: number,
  inFlight: number,
): Promise<{ votes: Vote[]; seconds: number }> {
  const started = performance.now();
  const votes = await drive(
    async (voter): Promise<Vote> => {
      const choice = voter % OPTIONS.length;
      const body = voteInvoke(poll.thread, benchPerson(voter), {
        id: `vote-${poll.itemId}-${voter}`,
        itemId: poll.itemId,
        choice,
      });
      const sent = performance.now();
      const res = await post(world.urls[voter % world.urls.length] as string, JSON.stringify(body));
      const ms = performance.now() - sent;
      const reply =
        res.status === 200
          ? voteReplyOf(res.text, { anonymous: poll.anonymous, choiceLabel: OPTIONS[choice] as string })
          : 'other';
      return { voter, reply, status: res.status, ms, text: res.text };
    },
    { from: 0, clients: inFlight, until: (sent) => sent >= voters },
  );
  return { votes, seconds: (performance.now() - started) / 1000 };
}

/**
 * closes the poll as the admin (`schließen` in its thread, on the other instance than the one that posted it) and
 * checks the result against the answers: the close is confirmed in the thread, and the card as it finally stands
 * is closed and counts exactly the voters who were told their vote was recorded. Throws when not.
 */
async function closeAndVerify(world: BotProcessWorld, poll: PostedPoll, recorded: number): Promise<void> {
  const what = poll.anonymous ? 'anonymous' : 'named';
  // card updates the votes asked for land first: the close is what the card shows last.
  await cardSettled(world, poll);
  const res = await post(
    world.urls[1 % world.urls.length] as string,
    JSON.stringify(channelMessage(poll.thread, ADMIN, { id: `close-${poll.itemId}`, text: 'schließen' })),
  );
  if (res.status !== 200) throw new Error(`hotpoll: closing the ${what} poll gave HTTP ${res.status}`);
  const confirmed = (
    await deliveries(world, (d) => d.kind !== 'update' && d.conversationId === poll.thread.conversationId)
  ).some((d) => catalogues.some((m) => textsOf(d).includes(m.closed)));
  if (!confirmed) throw new Error(`hotpoll: the ${what} poll's thread got no "${messages('de').closed}"`);
  const updates = await cardSettled(world, poll);
  const final = updates.at(-1);
  const texts = final ? textsOf(final) : [];
  if (!final || !catalogues.some((m) => texts.includes(m.closedBadge)))
    throw new Error(
      `hotpoll: the ${what} poll's card is not shown closed after closing (${updates.length} card updates)`,
    );
  if (!catalogues.some((m) => texts.includes(m.answeredCount(recorded)))) {
    const shown = texts.filter((t) => catalogues.some((m) => t.endsWith(m.answeredCount(2).replace(/^2/, ''))));
    throw new Error(
      `hotpoll: the closed ${what} poll does not count the ${recorded} voters told their vote was recorded; its card says: ${shown.join(' / ') || '(no count)'}`,
    );
  }
}

/** one poll: posted, voted on by every voter once, closed and checked; its four figures and where the time went. */
async function runPoll(
  world: BotProcessWorld,
  o: {
    anonymous: boolean;
    voters: number;
    inFlight: number;
    insertSeconds: number;
    known: Set<string>;
    note: (line: string) => void;
  },
): Promise<Metric[]> {
  const suffix = o.anonymous ? '' : '_named';
  const inserts = await world.storageInsertRate(o.insertSeconds, o.inFlight);
  const poll = await postPoll(world, o.anonymous, o.known);
  o.note(
    `${o.anonymous ? 'anonymous' : 'named'} poll posted; storage takes ${inserts.toFixed(0)} single-row inserts/s from ${o.inFlight} writers; ${o.voters} people vote`,
  );
  const storageBefore = world.tables.usage();
  const cpuBefore = world.cpuMs();
  const { votes, seconds } = await castVotes(world, poll, o.voters, o.inFlight);
  await sleep(200); // Azurite's access log arrives a moment later
  const storageAfter = world.tables.usage();
  const cpuAfter = world.cpuMs();
  const count = (reply: VoteReply) => votes.filter((v) => v.reply === reply).length;
  const recorded = count('recorded');
  const retry = count('retry');
  const other = votes.filter((v) => v.reply === 'other');
  if (other.length > 0) {
    const sample = other
      .slice(0, 3)
      .map(
        (v) => `HTTP ${v.status}: ${stringsIn(safeJson(v.text)).find((t) => t.length > 20) ?? v.text.slice(0, 200)}`,
      );
    throw new Error(
      `hotpoll: ${other.length} of ${o.voters} voters were answered neither with their vote recorded nor with "try again", e.g. ${sample.join(' | ')}`,
    );
  }
  o.note(`${recorded} recorded, ${retry} asked to try again in ${seconds.toFixed(1)} s; closing`);
  await closeAndVerify(world, poll, recorded);
  const perSecond = o.voters / seconds;
  const ms = votes.map((v) => v.ms).sort((a, b) => a - b);
  const perVote = (after?: number, before?: number) =>
    after !== undefined && before !== undefined ? round((after - before) / o.voters, 2) : -1;
  return [
    { metric: `hotpoll_votes_per_s${suffix}`, value: round(perSecond, 1), unit: 'votes/s' },
    { metric: `hotpoll_vs_inserts${suffix}`, value: round(perSecond / inserts), unit: 'ratio' },
    { metric: `hotpoll_p99_ms${suffix}`, value: round(percentile(ms, 0.99), 1), unit: 'ms' },
    { metric: `hotpoll_retry_asked${suffix}`, value: retry, unit: 'voters' },
    { metric: `hotpoll_p50_ms${suffix}`, value: round(percentile(ms, 0.5), 1), unit: 'ms' },
    { metric: `hotpoll_insert_per_s${suffix}`, value: round(inserts, 1), unit: 'inserts/s' },
    {
      metric: `hotpoll_storage_requests_per_vote${suffix}`,
      value: round((storageAfter.requests - storageBefore.requests) / o.voters, 2),
      unit: 'requests',
    },
    {
      metric: `hotpoll_storage_batches_per_vote${suffix}`,
      value: round((storageAfter.batches - storageBefore.batches) / o.voters, 2),
      unit: 'batches',
    },
    { metric: `hotpoll_bot_cpu_ms_per_vote${suffix}`, value: perVote(cpuAfter.bot, cpuBefore.bot), unit: 'ms' },
    {
      metric: `hotpoll_storage_cpu_ms_per_vote${suffix}`,
      value: perVote(cpuAfter.storage, cpuBefore.storage),
      unit: 'ms',
    },
  ];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * an all-staff channel after an announcement: one poll, and every member of the team (1,000; quick: 200) votes
 * once, through real `adaptiveCard/action` invokes spread over two bot instances (processes of their own) on one
 * Azurite, 48 votes in flight at any time. Run for an anonymous poll (hotpoll_…) and a named one (…_named), each
 * next to the rate of independent single-row inserts into the same Azurite from 48 writers (the bound;
 * hotpoll_vs_inserts divides by it). hotpoll_retry_asked counts the voters whose card said "Da ist etwas
 * schiefgegangen. Bitte versuchen Sie es noch einmal." After the votes the admin closes the poll with `schließen`; the
 * benchmark fails when a voter got any other answer, or when the closed card does not count exactly the voters who
 * were told their vote was recorded. Where the time goes: …_storage_requests_per_vote (all requests the votes
 * caused, card updates included), …_storage_batches_per_vote (batch transactions sent: write attempts, refused
 * ones included; an uncontended first vote is one), …_bot_cpu_ms_per_vote (both instances) and
 * …_storage_cpu_ms_per_vote.
 * Flags: --voters N, --in-flight C (48), --insert-seconds S (5; quick: 2).
 */
export const hotpollBenchmark: Benchmark = {
  name: 'hotpoll',
  description: `one poll, every member of the team votes once, ${IN_FLIGHT} votes in flight over ${INSTANCES} bot instances`,
  async run({ quick, args, note }): Promise<Metric[]> {
    const voters = Number(args.voters ?? (quick ? 200 : 1000));
    const inFlight = Number(args['in-flight'] ?? IN_FLIGHT);
    const insertSeconds = Number(args['insert-seconds'] ?? (quick ? 2 : 5));
    const members = [ADMIN, ...Array.from({ length: voters }, (_, i) => benchPerson(i))];
    const world = await startBotProcessWorld({
      instances: INSTANCES,
      connector: { tenantRate: 50, latencyMs: 100, everyone: members },
    });
    try {
      const known = new Set<string>();
      const anonymous = await runPoll(world, { anonymous: true, voters, inFlight, insertSeconds, known, note });
      const named = await runPoll(world, { anonymous: false, voters, inFlight, insertSeconds, known, note });
      return [{ metric: 'hotpoll_voters', value: voters, unit: 'voters' }, ...anonymous, ...named];
    } finally {
      await world.stop();
    }
  },
};
