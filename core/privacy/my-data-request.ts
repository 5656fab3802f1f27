import { z } from 'zod';
import type { Locale } from '../locale';

/** what a "meine daten" download link stands for: whose data, in which language. */
export interface MyDataRequest {
  personId: string;
  locale: Locale;
}

/** checks what comes out of a "meine daten" link's token. */
export const myDataRequestSchema: z.ZodType<MyDataRequest> = z.object({
  personId: z.string().min(1).max(128),
  locale: z.enum(['de', 'en']),
});
