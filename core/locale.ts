/** The languages Mitwirken speaks: German first, English second. */
export type Locale = 'de' | 'en';

export const LOCALES: readonly Locale[] = ['de', 'en'];

/** picks the language for an activity locale: `de-*` → German, other known languages → English, nothing → the default. */
export function resolveLocale(activityLocale: string | undefined | null, fallback: Locale): Locale {
  if (!activityLocale) return fallback;
  const lang = activityLocale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'de') return 'de';
  if (lang === 'en') return 'en';
  return fallback;
}

/** formats a number the way the locale writes it (1.234,5 in German). */
export function formatNumber(locale: Locale, value: number, maxFractionDigits = 0): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** formats an instant as a local date and time in the given time zone. */
export function formatDateTime(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
}
