import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/welcome.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a leader as the list shows them: who, who assigned them (a person or the organisation file) and when. */
export interface LeaderListEntry {
  name: string;
  assignedBy: { person: string } | { file: string };
  at: Date;
}

/** a team with its leaders, in the order to show. */
export interface LeaderListTeam {
  label: string;
  leaders: LeaderListEntry[];
}

/**
 * `leitungen`: teams with their leaders, the team in bold. Team labels, names and file names show as typed
 * (plainText); `noneAssigned` adds the hint on how to assign leaders.
 */
export function buildLeaderListCard(
  locale: Locale,
  teams: readonly LeaderListTeam[],
  options: { timeZone: string; noneAssigned: boolean },
): AdaptiveCard {
  const m = messages(locale);
  const day = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: options.timeZone,
    dateStyle: 'medium',
  });
  const by = (e: LeaderListEntry) =>
    'file' in e.assignedBy ? m.leadersByFile(plainText(e.assignedBy.file)) : plainText(e.assignedBy.person);
  const paragraphs = teams.map(({ label, leaders }) =>
    leaders.length === 0
      ? m.leadersTeamEmpty(plainText(label))
      : m.leadersTeam(
          plainText(label),
          leaders.map((e) => m.leadersLine(plainText(e.name), by(e), day.format(e.at))).join('\n\n'),
        ),
  );
  return expandTemplate(template, {
    title: m.leadersTitle,
    paragraphs: options.noneAssigned ? [plainText(m.leadersNone), ...paragraphs] : paragraphs,
  });
}
