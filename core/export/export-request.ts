import { z } from 'zod';
import type { Locale } from '../locale';

/** what a campaign CSV link stands for: one campaign's CSV for one person, in their language. */
export interface CampaignExportRequest {
  /** absent in links made before range exports existed: such tokens still open the campaign export. */
  kind?: 'campaign';
  campaignId: string;
  /** the AAD object id of the person who asked; the file is rebuilt with their permissions at download time. */
  personId: string;
  locale: Locale;
}

/** what a range CSV link stands for: ad-hoc items, `idee` ideas and measures of a date range, for one person. */
export interface RangeExportRequest {
  kind: 'range';
  /** first and last day, `YYYY-MM-DD`, in the configured time zone. */
  from: string;
  to: string;
  personId: string;
  locale: Locale;
}

/** what a CSV download link stands for; the file is rebuilt with the person's permissions at download time. */
export type ExportRequest = CampaignExportRequest | RangeExportRequest;

const personId = z.string().min(1).max(128);
const locale = z.enum(['de', 'en']);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** checks what comes out of an export link's token (links without `kind` are campaign links). */
export const exportRequestSchema: z.ZodType<ExportRequest> = z.union([
  z.object({ kind: z.literal('range'), from: day, to: day, personId, locale }),
  z.object({
    kind: z.literal('campaign').optional(),
    campaignId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    personId,
    locale,
  }),
]) as z.ZodType<ExportRequest>;
