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

// Intl formatters are costly to build (about a millisecond each) and immutable, so each is built once per setting.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** formats a number the way the locale writes it (1.234,5 in German). */
export function formatNumber(locale: Locale, value: number, maxFractionDigits = 0): string {
  const key = `${locale}|${maxFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** formats an instant as a local date and time in the given time zone. */
export function formatDateTime(locale: Locale, at: Date, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(at);
}
