import { buildAuditCard } from '../../cards/audit-card';
import type { AdminsPorts } from './ports';
import { asAttachment } from '../../cards/render';
import type { CommandHandler } from '../ports/turn';

/** how many entries the audit card lists. */
export const AUDIT_CARD_ENTRIES = 30;

/** `audit` (admins only, checked by the router): the latest admin and leader actions, newest first. */
export const auditCommand: CommandHandler<'audit', AdminsPorts> = async ({ reply, facts, s }) => {
  const entries = await s.storage.audit.recent(AUDIT_CARD_ENTRIES, s.now());
  await reply(asAttachment(buildAuditCard(facts.locale, entries, s.config.timeZone)));
};
