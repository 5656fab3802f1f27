import type { ExportableCampaign } from '../../cards/export-card';
import { campaignCsv, type CsvIdeaItem, type CsvPollItem } from '../../core/export/csv';
import type { Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { fail, ok, type Outcome } from '../../core/problems';
import type { DownloadFile } from './download-links';
import type { CampaignExportRequest } from '../../core/export/export-request';
import type { ExportsPorts } from './ports';

/** what a person may export: admins everything, leaders the items of the teams they lead. */
export type ExportScope = { kind: 'all' } | { kind: 'teams'; teamIds: ReadonlySet<string> };

/** the person's export scope (from the activity's AAD object id), or undefined when they may not export. */
export async function exportScope(s: ExportsPorts, personId: string | undefined): Promise<ExportScope | undefined> {
  if (!personId) return undefined;
  if (await s.isAdmin(personId)) return { kind: 'all' };
  const teamIds = new Set(
    (await s.storage.roles.teamsLedBy(personId)).map((g) => g.teamId).filter((id): id is string => id !== undefined),
  );
  return teamIds.size > 0 ? { kind: 'teams', teamIds } : undefined;
}

const inScope = (scope: ExportScope, teamId: string) => scope.kind === 'all' || scope.teamIds.has(teamId);

/** the ids of a campaign's posted items the scope may see, from the scheduler's ledger (one partition). */
async function postedItemIds(s: ExportsPorts, campaignId: string, scope: ExportScope): Promise<string[]> {
  const entries = await s.storage.scheduleLedger.history(campaignId);
  return [
    ...new Set(
      entries
        .filter((e) => e.status === 'posted' && e.postedItemId && inScope(scope, e.teamId))
        .map((e) => e.postedItemId as string),
    ),
  ];
}

/** the campaigns with posts the scope may see, newest title order as stored, with how many posts each. */
export async function exportableCampaigns(s: ExportsPorts, scope: ExportScope): Promise<ExportableCampaign[]> {
  const campaigns = await s.storage.campaigns.list();
  const counted = await Promise.all(
    campaigns.map(async (c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      posts: (await postedItemIds(s, c.id, scope)).length,
    })),
  );
  return counted.filter((c) => c.posts > 0);
}

/** a built export and what it holds, for the card and the audit log. */
export interface CampaignExport {
  fileName: string;
  csv: string;
  campaignTitle: string;
  items: number;
  teams: number;
}

/**
 * the CSV of a campaign's posted items within the scope (core/export/csv.ts applies the anonymity rules: poll results
 * only from MIN_GROUP_SIZE voters and anonymous polls only after closing, ideas of anonymous prompts without names and
 * only from MIN_GROUP_SIZE participants). A leader with no item of the campaign in their teams is refused.
 */
export async function buildCampaignExport(
  s: ExportsPorts,
  scope: ExportScope,
  campaignId: string,
  locale: Locale,
): Promise<Outcome<CampaignExport>> {
  const campaign = await s.storage.campaigns.get(campaignId);
  if (!campaign) return fail('errCampaignNotFound');
  const ids = await postedItemIds(s, campaignId, scope);
  if (ids.length === 0 && scope.kind === 'teams') return fail('errExportNotAllowed');
  const items = (await Promise.all(ids.map((id) => s.storage.items.get(id)))).filter(
    (i): i is Item => i !== undefined && inScope(scope, i.teamId),
  );
  const teamNames = new Map<string, string>();
  for (const teamId of new Set(items.map((i) => i.teamId))) {
    const team = await s.storage.installations.getTeam(teamId);
    teamNames.set(teamId, team?.name || teamId);
  }
  const teamName = (i: Item) => teamNames.get(i.teamId) ?? i.teamId;
  items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || teamName(a).localeCompare(teamName(b), locale));
  const rows = await Promise.all(items.map((item) => csvItem(s, item, teamName(item))));
  const csv = campaignCsv({
    campaignTitle: campaign.title,
    locale,
    minGroupSize: s.config.minGroupSize,
    minGroupSizeText: s.config.minGroupSizeText,
    items: rows,
  });
  return ok({
    fileName: messages(locale).csvFileName(campaign.id),
    csv,
    campaignTitle: campaign.title,
    items: items.length,
    teams: teamNames.size,
  });
}

/** a poll or idea prompt with its tally or ideas, as the CSV needs it (the CSV applies the thresholds). */
export async function csvItem(s: ExportsPorts, item: Item, teamName: string): Promise<CsvPollItem | CsvIdeaItem> {
  if (item.kind === 'poll') {
    return {
      kind: 'poll',
      teamName,
      question: item.question,
      ...(item.pollKind && { pollKind: item.pollKind }),
      anonymous: item.anonymous,
      options: item.options,
      status: item.status,
      tally: await s.storage.responses.tally(item),
    };
  }
  const [ideas, stats] = await Promise.all([s.storage.ideas.ofItem(item.id), s.storage.responses.ideaStats(item)]);
  return {
    kind: 'idea',
    teamName,
    question: item.question,
    anonymous: item.anonymous,
    status: item.status,
    participants: stats.participants,
    ideas: ideas.map((i) => ({
      text: i.text,
      status: i.status,
      supportCount: i.supportCount,
      volunteers: Array.from({ length: i.volunteerCount }, () => ({ name: '' })),
      ...(!i.anonymous && i.authorName !== undefined && { authorName: i.authorName }),
    })),
  };
}

/** the file behind a campaign download link, rebuilt with the person's current permissions. */
export async function campaignFileFor(
  s: ExportsPorts,
  request: CampaignExportRequest,
): Promise<DownloadFile | 'forbidden' | 'missing'> {
  const scope = await exportScope(s, request.personId);
  if (!scope) return 'forbidden';
  const built = await buildCampaignExport(s, scope, request.campaignId, request.locale);
  if (!built.ok) return built.problem.key === 'errCampaignNotFound' ? 'missing' : 'forbidden';
  await s.storage.audit.record({
    actorId: request.personId,
    action: 'export.download',
    target: request.campaignId,
    details: { scope: scope.kind, items: built.value.items, teams: built.value.teams },
    at: s.now(),
  });
  return { fileName: built.value.fileName, contentType: 'text/csv; charset=utf-8', body: built.value.csv };
}
