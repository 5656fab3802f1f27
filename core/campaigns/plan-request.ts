import { z } from 'zod';
import type { Locale } from '../locale';

/** the two files of a campaign's plan: the readable plan (HTML) and the campaign file (YAML). */
export const PLAN_FORMATS = ['html', 'yaml'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** what a plan download link stands for; the file is rebuilt, and the permission checked again, at download time. */
export interface PlanRequest {
  campaignId: string;
  format: PlanFormat;
  /** the AAD object id of the person who asked. */
  personId: string;
  locale: Locale;
}

/** checks what comes out of a plan link's token. */
export const planRequestSchema: z.ZodType<PlanRequest> = z.object({
  campaignId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  format: z.enum(PLAN_FORMATS),
  personId: z.string().min(1).max(128),
  locale: z.enum(['de', 'en']),
});
