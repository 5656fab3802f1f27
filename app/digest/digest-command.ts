import { buildDigestCard } from '../../cards/digest-card';
import type { DigestPorts } from './ports';
import { asAttachment } from '../../cards/render';
import { digestWeek } from '../../core/digest/digest-week';
import { messages } from '../../core/messages';
import { describeProblem } from '../../core/problems';
import { buildLeaderDigest } from './digest-builder';
import type { CommandHandler } from '../ports/turn';

/** `überblick` / `digest`: a team or unit leader's digest of the running week so far (marked as interim), in the personal chat. */
export const digestCommand: CommandHandler<'digest', DigestPorts> = async ({ reply, facts, s }) => {
  if (!facts.isPersonal) {
    await reply(messages(facts.locale).errPersonalChatOnly);
    return;
  }
  const [grants, unitGrants] = facts.aadObjectId
    ? await Promise.all([s.storage.roles.teamsLedBy(facts.aadObjectId), s.storage.org.unitsLedBy(facts.aadObjectId)])
    : [[], []];
  const teamIds = grants.map((g) => g.teamId).filter((id): id is string => id !== undefined);
  const unitIds = unitGrants.map((g) => g.unitId);
  if (!facts.aadObjectId || (teamIds.length === 0 && unitIds.length === 0)) {
    s.log.info({ problem: 'errNotLeader' }, 'digest refused');
    await reply(describeProblem(facts.locale, { key: 'errNotLeader' }));
    return;
  }
  const name = [...grants, ...unitGrants].find((g) => g.name)?.name ?? facts.userName;
  const leader = { personId: facts.aadObjectId, name, teamIds, ...(unitIds.length > 0 && { unitIds }) };
  const digest = await buildLeaderDigest(s, leader, digestWeek(s.now(), s.config.timeZone, true), {
    interim: true,
    locale: facts.locale,
  });
  await reply(asAttachment(buildDigestCard(digest)));
};
