import type { Locale } from '../locale';
import type { Campaign } from './campaign';

/** what a plan needs to know besides the campaign: the deployment's thresholds and retention, and names for ids. */
export interface PlanContext {
  /** MIN_GROUP_SIZE: the fewest answers a result is shown for. */
  minGroupSize: number;
  /** MIN_GROUP_SIZE_TEXT: the fewest answers anonymous free texts are shown for. */
  minGroupSizeText: number;
  /** RETENTION_DAYS: used when the campaign sets no retentionDays. */
  retentionDays: number;
  /** unit id → unit name from the organisation file, for units named by id. */
  unitNames?: ReadonlyMap<string, string>;
  /** team id → team name, for teams named by id. */
  teamNames?: ReadonlyMap<string, string>;
}

/** one part of a plan: a heading and its lines, in the reader's language. */
export interface PlanSection {
  heading: string;
  lines: string[];
}

/** a campaign in words a staff council member reads: title, then sections (purpose, who, questions, when, results, retention). */
export interface CampaignPlan {
  title: string;
  sections: PlanSection[];
}

/** the readable plan of a campaign. */
export function campaignPlan(campaign: Campaign, locale: Locale, _context: PlanContext): CampaignPlan {
  const de = locale === 'de';
  return {
    title: campaign.title,
    sections: [
      {
        heading: de ? 'Fragen' : 'Questions',
        lines: campaign.items.map((item) => item.question),
      },
    ],
  };
}
