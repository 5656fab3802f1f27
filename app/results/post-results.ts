import { buildResultsCard } from '../../cards/results-card';
import { asAttachment } from '../../cards/render';
import type { TeamRecord } from '../../core/installations';
import type { Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { fail, ok, type Outcome } from '../../core/problems';
import type { ResultsReport } from '../../core/results/results';
import { ConversationGoneError } from '../ports/delivery-errors';
import { managesTeam } from '../teams';
import type { ResultsPorts } from './ports';
import { campaignReport, itemReport, measureReport } from './results-report';

/** who posts results: the activity's person (AAD object id) and their name for the audit log. */
export interface ResultsActor {
  personId: string;
  name?: string;
}

/** what a post of results did: into how many channels the card went. */
export interface ResultsPosted {
  channels: number;
}

/** the results card in the language of what it reports (an item's own language; for a measure the configured default). */
function card(s: ResultsPorts, report: ResultsReport, locale: Locale) {
  return asAttachment(
    buildResultsCard(report, {
      locale,
      timeZone: s.config.timeZone,
      minGroupSize: s.config.minGroupSize,
      minGroupSizeText: s.config.minGroupSizeText,
    }),
  );
}

async function activeTeam(s: ResultsPorts, teamId: string): Promise<TeamRecord | undefined> {
  const team = await s.storage.installations.getTeam(teamId);
  return team?.active ? team : undefined;
}

async function audit(
  s: ResultsPorts,
  actor: ResultsActor,
  kind: 'item' | 'campaign' | 'measure',
  target: string,
  channels: number,
): Promise<void> {
  await s.storage.audit.record({
    actorId: actor.personId,
    ...(actor.name && { actorName: actor.name }),
    action: 'results.post',
    target,
    details: { kind, channels },
    at: s.now(),
  });
  s.log.info({ kind, target, channels }, 'results posted');
}

/**
 * posts the results card of a closed item (poll, rating, idea prompt) into the item's own channel, so what was said in
 * a private or shared channel stays there. Leaders of the item's team and admins only; an open item is refused.
 */
export async function postItemResults(
  s: ResultsPorts,
  item: Item,
  actor: ResultsActor,
): Promise<Outcome<ResultsPosted>> {
  if (!(await managesTeam(s, item.teamId, actor.personId))) return fail('errResultsNotAllowed');
  if (item.status !== 'closed') return fail('errResultsItemOpen');
  const team = await activeTeam(s, item.teamId);
  if (!team) return fail('errUnknownTarget');
  try {
    await s.poster.postCard(team, item.channelId, card(s, await itemReport(s, item), item.locale));
  } catch (err) {
    if (err instanceof ConversationGoneError) return fail('errResultsChannelGone');
    throw err;
  }
  await audit(s, actor, 'item', item.id, 1);
  return ok({ channels: 1 });
}

/**
 * posts a finished campaign's results: into every channel it posted into, one card per channel with that channel's
 * own items (never another channel's). Admins post into all of them, a leader into the channels of the teams they
 * lead. Refused while any of those items is still open.
 */
export async function postCampaignResults(
  s: ResultsPorts,
  campaignId: string,
  actor: ResultsActor,
): Promise<Outcome<ResultsPosted>> {
  const campaign = await s.storage.campaigns.get(campaignId);
  if (!campaign) return fail('errCampaignNotFound');
  const admin = await s.isAdmin(actor.personId);
  const led = admin
    ? undefined
    : new Set((await s.storage.roles.teamsLedBy(actor.personId)).map((g) => g.teamId).filter((t) => t !== undefined));
  if (led?.size === 0) return fail('errResultsNotAllowed');
  const posted = (await s.storage.scheduleLedger.history(campaignId)).filter(
    (e) => e.status === 'posted' && e.postedItemId && (!led || led.has(e.teamId)),
  );
  const items = (
    await Promise.all([...new Set(posted.map((e) => e.postedItemId as string))].map((id) => s.storage.items.get(id)))
  ).filter((i): i is Item => i !== undefined && (!led || led.has(i.teamId)));
  if (items.length === 0) return fail('errResultsCampaignEmpty');
  if (items.some((i) => i.status !== 'closed')) return fail('errResultsCampaignOpen');
  const byChannel = new Map<string, Item[]>();
  for (const item of items) {
    const key = `${item.teamId}\n${item.channelId}`;
    byChannel.set(key, [...(byChannel.get(key) ?? []), item]);
  }
  let channels = 0;
  for (const group of byChannel.values()) {
    const first = group[0]!;
    const team = await activeTeam(s, first.teamId);
    if (!team) continue;
    const sorted = [...group].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    try {
      await s.poster.postCard(
        team,
        first.channelId,
        card(s, await campaignReport(s, campaign.title, sorted), first.locale),
      );
      channels++;
    } catch (err) {
      if (!(err instanceof ConversationGoneError)) throw err;
      s.log.info({ teamId: first.teamId, channelId: first.channelId }, 'campaign results: channel gone');
    }
  }
  await audit(s, actor, 'campaign', campaignId, channels);
  return ok({ channels });
}

/**
 * posts a done measure's results into the channel its source belongs to (the item it came from, or the one channel of
 * its ideas), else into the team's General: what was done, by whom, from which ideas (as far as they may be shown
 * there). Leaders of the measure's team and admins only; a measure not done is refused.
 */
export async function postMeasureResults(
  s: ResultsPorts,
  teamId: string,
  measureId: string,
  actor: ResultsActor,
): Promise<Outcome<ResultsPosted>> {
  const measure = await s.storage.measures.get(teamId, measureId);
  if (!measure) return fail('errMeasureNotFound');
  if (!(await managesTeam(s, teamId, actor.personId))) return fail('errResultsNotAllowed');
  if (measure.status !== 'done') return fail('errResultsMeasureNotDone');
  const team = await activeTeam(s, teamId);
  if (!team) return fail('errUnknownTarget');
  const { channelId, report } = await measureReport(s, team, measure);
  try {
    await s.poster.postCard(team, channelId, card(s, report, s.config.defaultLocale));
  } catch (err) {
    if (err instanceof ConversationGoneError) return fail('errResultsChannelGone');
    throw err;
  }
  await audit(s, actor, 'measure', measureId, 1);
  return ok({ channels: 1 });
}
