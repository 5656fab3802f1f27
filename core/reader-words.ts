import { optionsOf, type ItemDraft } from './items';
import type { Locale } from './locale';
import { messages } from './messages';

/** the names that mean a team's General channel, whichever language the Teams client of the writer speaks. */
const GENERAL_NAMES: ReadonlySet<string> = new Set(['general', 'allgemein']);

/** whether a channel name (from a campaign file, the wizard or Teams) means the team's General channel. */
export function isGeneralChannelName(name: string): boolean {
  return GENERAL_NAMES.has(name.trim().toLowerCase());
}

/** the General channel's name as Teams shows it to a reader: "Allgemein" in German, "General" in English. */
export function generalChannelLabel(locale: Locale): string {
  return messages(locale).generalChannel;
}

/**
 * the options of a poll as a reader sees them: a yes/no question says "Ja"/"Nein" to German readers and "Yes"/"No"
 * to English ones, whoever posted it (what is stored is that it is a yes/no question; its stored option texts are
 * only a fallback). Every other poll shows its options as written.
 */
export function optionLabels(
  item: Pick<ItemDraft, 'kind' | 'pollKind' | 'options' | 'yesNo'>,
  locale: Locale,
): readonly string[] {
  if (item.kind !== 'poll' || item.yesNo !== true) return optionsOf(item);
  const m = messages(locale);
  return [m.optionYes, m.optionNo];
}
