import { buildAuditCard } from '../../cards/audit-card';
import type { AdminsPorts } from './ports';
import { asAttachment } from '../../cards/render';
import type { CommandHandler } from '../ports/turn';
import { councilMaySee } from '../../core/audit-scope';

/** how many entries the audit card lists. */
export const AUDIT_CARD_ENTRIES = 30;

/** how many recent entries are read to find the council's share of them. */
const COUNCIL_AUDIT_READ = 500;

/**
 * `audit` (admins and the staff council, checked by the router): the latest admin and leader actions, newest first.
 * The staff council sees only what concerns it (core/audit-scope.ts: campaigns, items, results, exports, grants).
 */
export const auditCommand: CommandHandler<'audit', AdminsPorts> = async ({ reply, facts, s, personId }) => {
  const admin = await s.isAdmin(personId);
  const entries = admin
    ? await s.storage.audit.recent(AUDIT_CARD_ENTRIES, s.now())
    : (await s.storage.audit.recent(COUNCIL_AUDIT_READ, s.now()))
        .filter((e) => councilMaySee(e.action))
        .slice(0, AUDIT_CARD_ENTRIES);
  await reply(asAttachment(buildAuditCard(facts.locale, entries, s.config.timeZone)));
};
