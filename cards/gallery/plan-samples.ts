import { buildCampaignPlanCard } from '../campaign-plan-card';
import { asAttachment } from '../render';
import type { CardSample } from './card-sample';

const LINK = 'https://mitwirken.amt.example/plans/';

/** a campaign's plan: the card offering the readable plan and the campaign file. */
export const PLAN_SAMPLES: readonly CardSample[] = [
  {
    id: 'campaign-plan-links',
    title: 'A campaign’s plan and campaign file',
    purpose:
      'After "Plan" on the campaign list: two short-lived links, the plan to read and print (HTML) and the campaign file to keep and load again (YAML).',
    template: 'campaign-plan',
    build: (l) =>
      asAttachment(
        buildCampaignPlanCard(l, {
          title: 'Gute Arbeit 4.0 – Puls',
          html: `${LINK}${'A'.repeat(60)}`,
          yaml: `${LINK}${'B'.repeat(60)}`,
          linkMinutes: 10,
        }),
      ),
  },
];
