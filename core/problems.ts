import type { Locale } from './locale';
import { messages, type Messages } from './messages';

/** the key of an error text in the message catalogue. */
export type ProblemKey = Extract<keyof Messages, `err${string}`>;

/** something the person did that we refuse, with the values its message needs; rendered per locale. */
export interface Problem {
  key: ProblemKey;
  args?: (string | number)[];
}

/** a problem as a sentence in the person's language. */
export function describeProblem(locale: Locale, problem: Problem): string {
  const entry = messages(locale)[problem.key] as string | ((...a: (string | number)[]) => string);
  return typeof entry === 'function' ? entry(...(problem.args ?? [])) : entry;
}

/** an outcome: a value or the problem that prevented it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(key: ProblemKey, ...args: (string | number)[]): Outcome<T> => ({
  ok: false,
  problem: { key, args },
});
