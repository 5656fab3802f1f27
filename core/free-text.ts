/** a chat message shorter than this many words or characters is small talk ("hallo", "danke", "hi there"). */
export const SMALL_TALK = { words: 3, chars: 15 } as const;

/**
 * whether free text in the personal chat is small talk, answered with the greeting and the commands, rather than
 * something to offer as an idea: fewer than 3 words, or fewer than 15 characters.
 */
export function isSmallTalk(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words < SMALL_TALK.words || trimmed.length < SMALL_TALK.chars;
}
