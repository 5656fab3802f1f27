import { MessageFactory, TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import { buildGreetingCard, buildTeamWelcomeCard } from '../cards/help-card';
import { asAttachment } from '../cards/render';
import { channelKindOf, type ChannelRecord, type TeamRecord } from '../core/installations';
import type { AppServices } from '../app/ports/services';
import type { Locale } from '../core/locale';
import { referenceOf, teamsChannelData, tenantOf, turnFacts } from './turn-facts';
import type { TurnFacts } from '../app/ports/turn';
import { refreshOrganisation } from '../app/leaders';

/** stores (or refreshes) the team an activity comes from, with a reference to its General channel. */
export async function rememberTeamFromActivity(s: AppServices, activity: Partial<Activity>): Promise<TeamRecord> {
  const data = teamsChannelData(activity);
  const teamId = data.team?.id;
  if (!teamId) throw new Error('activity has no team');
  const known = await s.storage.installations.getTeam(teamId);
  const tenantId = tenantOf(activity);
  // a team stored without its tenant (or name) is stored again, so sends are paced under the right tenant.
  if (known?.active && known.name && (known.tenantId || !tenantId)) return known;
  const reference = referenceOf(activity);
  const team: TeamRecord = {
    teamId,
    name: data.team?.name ?? known?.name ?? '',
    aadGroupId: data.team?.aadGroupId,
    tenantId,
    serviceUrl: activity.serviceUrl ?? '',
    active: true,
    reference: { ...reference, conversation: { id: teamId, isGroup: true, conversationType: 'channel', tenantId } },
    updatedAt: s.now(),
  };
  await s.storage.installations.saveTeam(team);
  await s.storage.installations.saveChannels([{ teamId, channelId: teamId, name: '', active: true }]);
  return team;
}

/** asks Teams for the team's channels and stores them; General is kept even when the call fails. */
async function refreshChannels(ctx: TurnContext, s: AppServices, teamId: string): Promise<void> {
  try {
    const channels = await TeamsInfo.getTeamChannels(ctx, teamId);
    const records: ChannelRecord[] = channels
      .filter((c) => c.id)
      .map((c) => {
        const kind = channelKindOf(c.type);
        return { teamId, channelId: c.id as string, name: c.name ?? '', active: true, ...(kind && { kind }) };
      });
    await s.storage.installations.saveChannels(records);
  } catch (err) {
    s.log.warn({ err, teamId }, 'could not list team channels');
  }
}

/** the bot was added to a team: remember it and its channels, and post the welcome card in General once. */
export async function onTeamInstalled(ctx: TurnContext, s: AppServices, locale: Locale): Promise<void> {
  const team = await rememberTeamFromActivity(s, ctx.activity);
  await refreshChannels(ctx, s, team.teamId);
  s.log.info({ teamId: team.teamId }, 'installed in team');
  if (await s.storage.installations.claimWelcome(`team:${team.teamId}`)) {
    await s.poster.send(team.reference, team.teamId, asAttachment(buildTeamWelcomeCard(locale, s.config.minGroupSize)));
  }
  // the organisation file may name this team (its unit, its leaders): resolve it again now, not only at the next start.
  await refreshOrganisation(s, 'teamInstalled', true);
}

/** the team was renamed: keep the new name and resolve the organisation file again (it may name the team by it). */
export async function onTeamRenamed(
  s: AppServices,
  teamId: string | undefined,
  name: string | undefined,
): Promise<void> {
  if (!teamId || !name) return;
  const known = await s.storage.installations.getTeam(teamId);
  if (!known) return;
  if (known.name !== name) await s.storage.installations.saveTeam({ ...known, name, updatedAt: s.now() });
  s.log.info({ teamId }, 'team renamed');
  await refreshOrganisation(s, 'teamRenamed', true);
}

/** a person opened a personal chat with the bot: keep the reference for later messages and greet them once. */
export async function onPersonalInstalled(ctx: TurnContext, s: AppServices, facts: TurnFacts): Promise<void> {
  if (!facts.aadObjectId) return;
  await s.storage.installations.savePerson({
    aadObjectId: facts.aadObjectId,
    name: facts.userName,
    locale: ctx.activity.locale,
    tenantId: facts.tenantId,
    active: true,
    reference: referenceOf(ctx.activity),
    updatedAt: s.now(),
  });
  if (await s.storage.installations.claimWelcome(`person:${facts.aadObjectId}`)) {
    const card = buildGreetingCard(facts.locale, {
      name: facts.userName.split(' ')[0] ?? '',
      isAdmin: await s.isAdmin(facts.aadObjectId),
      localMode: s.config.localMode,
    });
    await ctx.sendActivity(MessageFactory.attachment(asAttachment(card)));
  }
}

/** the bot was removed from a team or a personal chat: stop posting there. */
export async function onUninstalled(ctx: TurnContext, s: AppServices): Promise<void> {
  const facts = turnFacts(ctx.activity, s.config.defaultLocale);
  if (facts.teamId) await s.storage.installations.deactivateTeam(facts.teamId);
  else if (facts.aadObjectId) await s.storage.installations.deactivatePerson(facts.aadObjectId);
  s.log.info({ teamId: facts.teamId, personal: !facts.teamId }, 'uninstalled');
}

/** channel created, renamed, restored or deleted in an installed team; its kind (standard, private, shared) is kept. */
export async function onChannelChanged(ctx: TurnContext, s: AppServices): Promise<void> {
  const data = teamsChannelData(ctx.activity);
  const teamId = data.team?.id;
  const channelId = data.channel?.id;
  if (!teamId || !channelId) return;
  s.membership.forget(teamId, channelId);
  const kind = channelKindOf(data.channel?.type);
  if (data.eventType === 'channelDeleted') await s.storage.installations.deactivateChannel(teamId, channelId);
  else
    await s.storage.installations.saveChannels([
      { teamId, channelId, name: data.channel?.name ?? '', active: true, ...(kind && { kind }) },
    ]);
}

/** the events after which a channel's members are no longer what was read (Teams' `channelData.eventType`). */
const CHANNEL_MEMBERS_CHANGED = new Set([
  'channelMemberAdded',
  'channelMemberRemoved',
  'channelShared',
  'channelUnshared',
]);
/** the events after which a team's members are no longer what was read. */
const TEAM_MEMBERS_CHANGED = new Set(['teamMemberAdded', 'teamMemberRemoved']);

/**
 * people joined or left a team or one of its channels, or a channel was shared with or unshared from a team: the
 * rosters read for it are forgotten, so the next click reads who belongs now, and the kind Teams reports for the
 * channel is kept. A membership change never waits for the roster's time to live.
 */
export async function onMembersChanged(ctx: TurnContext, s: AppServices): Promise<void> {
  const data = teamsChannelData(ctx.activity);
  const teamId = data.team?.id;
  if (!teamId || data.eventType === undefined) return;
  if (TEAM_MEMBERS_CHANGED.has(data.eventType)) s.membership.forget(teamId);
  const channelId = data.channel?.id;
  if (!CHANNEL_MEMBERS_CHANGED.has(data.eventType) || !channelId) return;
  s.membership.forget(teamId, channelId);
  const kind = channelKindOf(data.channel?.type) ?? (data.eventType === 'channelShared' ? 'shared' : undefined);
  if (kind && channelId !== teamId) await s.storage.installations.saveChannelKind(teamId, channelId, kind);
}

/**
 * keeps the kind Teams reports with an activity from a channel (`channelData.channel.type`) when it is not the one
 * known yet — once per channel and instance, so channels seen before kinds were recorded learn theirs from use.
 * Never fails the turn.
 */
export async function learnChannelKind(s: AppServices, activity: Partial<Activity>): Promise<void> {
  const data = teamsChannelData(activity);
  const teamId = data.team?.id;
  const channelId = data.channel?.id;
  const kind = channelKindOf(data.channel?.type);
  if (!teamId || !channelId || channelId === teamId || !kind) return;
  try {
    const team = await s.storage.installations.getTeamRecent(teamId);
    if (!team || (await s.membership.knownKind(team, channelId)) === kind) return;
    await s.storage.installations.saveChannelKind(teamId, channelId, kind);
    s.membership.rememberKind(teamId, channelId, kind);
  } catch (err) {
    s.log.warn({ err, teamId, channelId }, 'channel kind not recorded');
  }
}
