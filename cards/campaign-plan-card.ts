import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/campaign-plan.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** the answer to "Plan" on the campaign list: two short-lived links, the readable plan (HTML) and the campaign file (YAML). */
export function buildCampaignPlanCard(
  locale: Locale,
  input: { title: string; html: string; yaml: string; linkMinutes: number },
): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.planCardTitle(plainText(input.title)),
    intro: m.planCardIntro(input.linkMinutes),
    htmlTitle: m.planCardHtml,
    html: input.html,
    yamlTitle: m.planCardYaml,
    yaml: input.yaml,
  });
}
