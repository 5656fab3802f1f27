import type { ItemDraft } from '../items';
import { isGeneralChannelName } from '../reader-words';
import { DEFAULT_CHANNEL, type Campaign, type CampaignItem } from './campaign';
import { parseIsoDuration, shiftByDuration } from './iso-duration';

/** a team the bot can post into, with its channels; General's channel id equals the team id. */
export interface TargetTeam {
  teamId: string;
  teamName: string;
  channels: { channelId: string; name: string }[];
  /** the ids and names (lowercased) of the units the team lies below, its own unit first (core/org `unitLabelsOfTeam`). */
  units?: readonly string[];
}

/**
 * where one campaign post goes: a channel, or why it cannot go there. A missing team or channel keeps
 * the name the campaign used in place of the id, so the skipped slot in the ledger still says what was meant.
 */
export type PostTarget =
  { ok: true; teamId: string; channelId: string } | { ok: false; teamId: string; channelId: string; reason: string };

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function channelIn(team: TargetTeam, channel: string): PostTarget {
  // "General" and "Allgemein" both name the General channel, whose id is the team id.
  if (isGeneralChannelName(channel)) return { ok: true, teamId: team.teamId, channelId: team.teamId };
  const found = team.channels.find((c) => same(c.name, channel) || c.channelId === channel);
  if (found) return { ok: true, teamId: team.teamId, channelId: found.channelId };
  return {
    ok: false,
    teamId: team.teamId,
    channelId: channel,
    reason: `channel '${channel}' not found in team '${team.teamName}'`,
  };
}

/**
 * the channels a campaign posts into: for `all`, the named channel in every team given; otherwise each
 * team named by id or (case-insensitive) name, and every team below each unit named (by the team's `units`).
 * 'General' (or 'Allgemein') is the channel whose id equals the team id.
 */
export function resolveTargets(
  campaign: Pick<Campaign, 'targets' | 'channel'>,
  teams: readonly TargetTeam[],
): PostTarget[] {
  const channel = campaign.channel || DEFAULT_CHANNEL;
  if (campaign.targets.kind === 'all') return teams.map((t) => channelIn(t, channel));
  const seen = new Set<string>();
  const targets: PostTarget[] = [];
  const add = (target: PostTarget) => {
    const key = `${target.teamId}\n${target.channelId}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(target);
  };
  for (const wanted of campaign.targets.teams) {
    const team = teams.find((t) => t.teamId === wanted) ?? teams.find((t) => same(t.teamName, wanted));
    add(
      team
        ? channelIn(team, channel)
        : { ok: false as const, teamId: wanted, channelId: channel, reason: `team '${wanted}' not found` },
    );
  }
  for (const unit of campaign.targets.units ?? []) {
    const label = unit.trim().toLowerCase();
    const below = teams.filter((t) => t.units?.includes(label));
    if (below.length === 0)
      add({
        ok: false,
        teamId: `unit:${unit}`,
        channelId: channel,
        reason: `unit '${unit}' not found in the organisation file, or no installed team below it`,
      });
    for (const team of below) add(channelIn(team, channel));
  }
  return targets;
}

/**
 * the item content a campaign item posts: idea → idea prompt; poll → single or multi choice; rating → 1–5
 * rating; yes/no → single choice marked `yesNo`, labelled Ja/Nein or Yes/No for each reader (core/reader-words optionLabels);
 * the stored 'Ja' / 'Nein' are the fallback of views without a reader's language.
 */
export function draftOf(item: CampaignItem): ItemDraft {
  const base = { question: item.question, anonymous: item.anonymous };
  switch (item.type) {
    case 'idea':
      return { ...base, kind: 'idea', options: [] };
    case 'poll':
      return {
        ...base,
        kind: 'poll',
        pollKind: item.multiple ? 'multi' : 'single',
        options: [...item.options],
        ...(item.multiple && item.maxChoices !== undefined && item.maxChoices < item.options.length
          ? { maxChoices: item.maxChoices }
          : {}),
      };
    case 'rating':
      return { ...base, kind: 'poll', pollKind: 'rating', options: [] };
    case 'yesno':
      return { ...base, kind: 'poll', pollKind: 'single', options: ['Ja', 'Nein'], yesNo: true };
  }
}

/**
 * when a post made for the slot at `slotAt` closes (slot + openFor) and, with remindBefore, when its reminder
 * is due (closesAt − remindBefore); days count as calendar days in the campaign's zone. Throws RangeError for
 * a malformed duration (the file schema rejects those).
 */
export function postTimes(
  item: Pick<CampaignItem, 'openFor' | 'remindBefore'>,
  slotAt: Date,
  timeZone: string,
): { closesAt: Date; remindAt?: Date } {
  const openFor = parseIsoDuration(item.openFor);
  if (!openFor) throw new RangeError(`openFor '${item.openFor}' is not an ISO duration`);
  const closesAt = shiftByDuration(slotAt, openFor, timeZone);
  if (item.remindBefore === undefined) return { closesAt };
  const remindBefore = parseIsoDuration(item.remindBefore);
  if (!remindBefore) throw new RangeError(`remindBefore '${item.remindBefore}' is not an ISO duration`);
  return { closesAt, remindAt: shiftByDuration(closesAt, remindBefore, timeZone, -1) };
}
