import { buildDigestCard } from '../../cards/digest-card';
import { asAttachment, type CardAttachment } from '../../cards/render';
import type { WeekKey } from '../../core/digest/digest-week';
import type { PersonRecord } from '../../core/installations';
import { resolveLocale } from '../../core/locale';
import { buildLeaderDigest, type DigestLeader } from './digest-builder';
import { DigestScheduler, type DigestDelivery } from './digest-scheduler';
import { ConversationGoneError } from '../ports/delivery-errors';
import type { DigestPorts } from './ports';
import { refreshOrganisation } from '../leaders';
import { teamsBelow } from '../../core/org/org-units';
import { newInstanceId } from '../jobs/instance-id';

/** the digest sender's rhythm: a tick every 30 s, leadership for 90 s, a silent claim resumed after 5 minutes. */
const TICK_MS = 30_000;
const LEASE_TTL_MS = 90_000;
const RESUME_AFTER_MS = 5 * 60_000;

/**
 * every leader with the teams and units they lead (storage.roles.allLeaders and storage.org.unitLeaders, grouped by
 * person): one entry, so one digest, per person however many teams and units they lead.
 */
export async function digestLeaders(s: DigestPorts): Promise<DigestLeader[]> {
  const byPerson = new Map<string, DigestLeader>();
  const leaderOf = (personId: string, name: string | undefined) => {
    const leader = byPerson.get(personId) ?? { personId, name: name ?? '', teamIds: [] };
    if (!leader.name && name) leader.name = name;
    byPerson.set(personId, leader);
    return leader;
  };
  const [teamGrants, unitGrants] = await Promise.all([s.storage.roles.allLeaders(), s.storage.org.unitLeaders()]);
  for (const grant of teamGrants) if (grant.teamId) leaderOf(grant.personId, grant.name).teamIds.push(grant.teamId);
  for (const grant of unitGrants) {
    const leader = leaderOf(grant.personId, grant.name);
    leader.unitIds = [...(leader.unitIds ?? []), grant.unitId];
  }
  return [...byPerson.values()];
}

/** the teams through which a chat with the leader may be opened: their own, then those below their units. */
async function chatTeamsOf(s: DigestPorts, leader: DigestLeader): Promise<string[]> {
  if (!leader.unitIds?.length) return leader.teamIds;
  const org = await s.storage.org.organisation();
  return [...new Set([...leader.teamIds, ...leader.unitIds.flatMap((id) => teamsBelow(org, id))])];
}

/**
 * builds a leader's digest of a week in their language and sends it into their 1:1 chat: the stored personal chat, or
 * a new one opened through one of their teams (Teams lets a bot in a team start a chat with any member). 'skipped' when
 * no chat can be reached; throws when a retry may help (Teams or a roster not answering).
 */
export async function sendLeaderDigest(s: DigestPorts, leader: DigestLeader, week: WeekKey): Promise<DigestDelivery> {
  const person = await s.storage.installations.getPerson(leader.personId);
  const locale = resolveLocale(person?.locale, s.config.defaultLocale);
  const digest = await buildLeaderDigest(s, leader, week, { interim: false, locale });
  const card = asAttachment(buildDigestCard(digest));
  if (person?.active) {
    try {
      await s.poster.send(person.reference, person.reference.conversation.id, card);
      return { kind: 'sent' };
    } catch (err) {
      if (!(err instanceof ConversationGoneError)) throw err;
      s.log.info({ leaderId: leader.personId, status: err.status }, 'personal chat gone; opening a new one');
      await s.storage.installations.deactivatePerson(leader.personId);
    }
  }
  return openChatAndSend(s, leader, person, card);
}

/**
 * opens a 1:1 chat through the first of the leader's teams (or the teams below their units) whose roster lists them,
 * sends the card and keeps the chat's reference.
 */
async function openChatAndSend(
  s: DigestPorts,
  leader: DigestLeader,
  known: PersonRecord | undefined,
  card: CardAttachment,
): Promise<DigestDelivery> {
  let rosterFailed = false;
  for (const teamId of await chatTeamsOf(s, leader)) {
    const team = await s.storage.installations.getTeam(teamId);
    if (!team?.active) continue;
    let member;
    try {
      member = (await s.roster.members(team)).find((m) => m.aadObjectId === leader.personId);
    } catch (err) {
      rosterFailed = true;
      s.log.warn({ err, teamId }, 'team roster not readable');
      continue;
    }
    if (!member?.userId) continue;
    try {
      const chat = await s.poster.openPersonalChat(team, member.userId, card);
      await s.storage.installations.savePerson({
        aadObjectId: leader.personId,
        name: member.name || leader.name,
        ...(known?.locale && { locale: known.locale }),
        tenantId: team.tenantId,
        active: true,
        reference: {
          ...team.reference,
          conversation: { id: chat.conversationId, conversationType: 'personal', tenantId: team.tenantId },
          user: { id: member.userId, name: member.name, aadObjectId: leader.personId },
        },
        updatedAt: s.now(),
      });
      s.log.info({ leaderId: leader.personId, teamId }, 'personal chat opened for the digest');
      return { kind: 'sent' };
    } catch (err) {
      if (!(err instanceof ConversationGoneError)) throw err;
      s.log.info(
        { leaderId: leader.personId, teamId, status: err.status },
        'personal chat could not be opened through this team',
      );
    }
  }
  if (rosterFailed) throw new Error('team rosters could not be read; the digest is retried later');
  return {
    kind: 'skipped',
    reason:
      'no personal chat with the leader, and none could be opened: not a member of any installed team they lead or that is below a unit they lead',
  };
}

/** the weekly digest sender, wired to the bot's storage and delivery. */
export function createDigestScheduler(s: DigestPorts): DigestScheduler {
  return new DigestScheduler({
    ledger: s.storage.digestLedger,
    leaders: async () => {
      // teams installed or renamed since the last resolution get the leaders the organisation file names for them.
      await refreshOrganisation(s, 'digest');
      return digestLeaders(s);
    },
    deliver: (leader, week) => sendLeaderDigest(s, leader, week),
    cron: s.config.digestCron,
    timeZone: s.config.timeZone,
    log: s.log,
    now: s.now,
    instanceId: newInstanceId(),
    leaseTtlMs: LEASE_TTL_MS,
    tickMs: TICK_MS,
    resumeAfterMs: RESUME_AFTER_MS,
    telemetry: s.telemetry,
  });
}
