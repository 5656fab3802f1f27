import type { AuditEntry } from '../core/audit';
import { formatDateTime, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/audit.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** the recent admin and leader actions, newest first: when, who, what (localized), and on what. */
export function buildAuditCard(locale: Locale, entries: readonly AuditEntry[], timeZone: string): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.auditTitle,
    intro: entries.length === 0 ? m.auditNone : m.auditIntro(entries.length),
    entries: entries.map((e) => {
      const who = e.actorId.startsWith('erased:')
        ? `${m.auditFormerPerson} (${e.actorId.slice('erased:'.length, 'erased:'.length + 6)})`
        : plainText(e.actorName ?? e.actorId);
      const details = Object.entries(e.details ?? {}).map(([k, v]) => `${k}: ${String(v)}`);
      return {
        line: m.auditLine(formatDateTime(locale, e.at, timeZone), who, m.auditActions[e.action] ?? e.action),
        detail: plainText(
          [e.target, ...details]
            .filter((s): s is string => Boolean(s))
            .join(' · ')
            .slice(0, 300),
        ),
      };
    }),
  });
}
