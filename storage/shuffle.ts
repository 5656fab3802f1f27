import { randomInt } from 'node:crypto';

/** shuffles a list in place (Fisher–Yates with a cryptographic random source) and returns it. */
export function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}
