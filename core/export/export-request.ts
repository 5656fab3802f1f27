import { z } from 'zod';
import type { Locale } from '../locale';

/** what a CSV download link stands for: one campaign's CSV for one person, in their language. */
export interface ExportRequest {
  campaignId: string;
  /** the AAD object id of the person who asked; the file is rebuilt with their permissions at download time. */
  personId: string;
  locale: Locale;
}

/** checks what comes out of an export link's token. */
export const exportRequestSchema: z.ZodType<ExportRequest> = z.object({
  campaignId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  personId: z.string().min(1).max(128),
  locale: z.enum(['de', 'en']),
});
