import { formatDateTime, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import template from './templates/audit.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** one audit entry as the card shows it (storage's AuditEntry without the storage import). */
export interface AuditCardEntry {
  actorId: string;
  actorName?: string;
  action: string;
  target?: string;
  details?: Record<string, string | number | boolean>;
  at: Date;
}

/** the recent admin and leader actions, newest first: when, who, what (localized), and on what. */
export function buildAuditCard(locale: Locale, entries: readonly AuditCardEntry[], timeZone: string): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.auditTitle,
    intro: entries.length === 0 ? m.auditNone : m.auditIntro(entries.length),
    entries: entries.map((e) => {
      const who = e.actorId.startsWith('erased:') ? `${m.auditFormerPerson} (${e.actorId.slice('erased:'.length, 'erased:'.length + 6)})` : (e.actorName ?? e.actorId);
      const details = Object.entries(e.details ?? {}).map(([k, v]) => `${k}: ${String(v)}`);
      return {
        line: m.auditLine(formatDateTime(locale, e.at, timeZone), who, m.auditActions[e.action] ?? e.action),
        detail: [e.target, ...details].filter((s): s is string => Boolean(s)).join(' · ').slice(0, 300),
      };
    }),
  });
}
