/** who a leader command names and, optionally, for which team: `Anna Becker für Team Digitalisierung`. */
export interface LeaderTarget {
  who: string;
  team?: string;
}

/** the words that separate the person from the team: für/fuer (add), aus (remove), to/for/from in English. */
const SEPARATOR = /\s+(?:für|fuer|aus|to|for|from)\s+/i;

/** at most this many characters of a name or team are kept (longer input matches nothing anyway). */
const MAX = 200;

/**
 * splits the words after `leitung hinzufügen` / `add leader` at the first separator word into the person and
 * the team; without a separator the whole text is the person. Empty parts are left out.
 */
export function leaderTarget(words: readonly string[]): LeaderTarget {
  const text = words.join(' ').trim();
  const match = SEPARATOR.exec(` ${text} `);
  if (!match) return { who: text.slice(0, MAX) };
  const padded = ` ${text} `;
  const who = padded.slice(0, match.index).trim().slice(0, MAX);
  const team = padded
    .slice(match.index + match[0].length)
    .trim()
    .slice(0, MAX);
  return team ? { who, team } : { who };
}
