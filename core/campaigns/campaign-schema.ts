import { z } from 'zod';
import { CAMPAIGN_LIMITS as LIMITS, FILE_STATUSES, ITEM_TYPES } from './campaign';
import { nominalMillis, parseIsoDuration } from './iso-duration';
import { isValidTimeZone, parseLocalDate, parseLocalDateTime } from './local-time';
import { Recurrence, parseRecurrence, untilLimit } from './schedule';

/** Slugs for campaign and item ids: lowercase letters, digits, single hyphens between them. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z
  .string()
  .regex(SLUG, { error: 'must be a slug: lowercase letters, digits and hyphens, e.g. gute-arbeit-puls' });

const text = (max: number) => z.string().trim().min(1).max(max);

const localDateTime = z.string().refine((t) => parseLocalDateTime(t) !== undefined, {
  error: "must be a local date and time 'YYYY-MM-DDTHH:mm', e.g. 2026-12-07T09:00",
});

const until = z.string().refine((t) => parseLocalDate(t) !== undefined || parseLocalDateTime(t) !== undefined, {
  error: "must be a date 'YYYY-MM-DD' (inclusive) or a local date and time 'YYYY-MM-DDTHH:mm'",
});

const every = z
  .string()
  .refine((e) => parseRecurrence(e) !== undefined, {
    error: 'must be P1D (daily), P1W … P52W (every n weeks) or P1M (monthly on the start day)',
  })
  .transform((e) => e as Recurrence);

const duration = z.string().superRefine((value, ctx) => {
  if (parseIsoDuration(value) !== undefined) return;
  const calendarUnits = /^P(?:\d+Y)?(?:\d+M)?/.exec(value)?.[0] ?? 'P';
  ctx.addIssue({
    code: 'custom',
    input: value,
    message:
      calendarUnits !== 'P'
        ? `'${value}' uses years or months, which have no fixed length; use weeks, days or hours, e.g. P30D`
        : `'${value}' is not a positive ISO 8601 duration such as P7D, P2W or PT24H`,
  });
});

/** The `schedule` block of an item: start, optional repetition and end. */
export const scheduleSchema = z
  .strictObject({ start: localDateTime, every: every.optional(), until: until.optional() })
  .superRefine((s, ctx) => {
    if (s.until === undefined || parseLocalDateTime(s.start) === undefined) return;
    if (s.every === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'needs every: an item without every is posted once, at start',
      });
    } else if (parseLocalDate(s.until) ?? parseLocalDateTime(s.until)) {
      if ((untilLimit(s.until) ?? '') < s.start)
        ctx.addIssue({ code: 'custom', path: ['until'], message: `${s.until} is before start ${s.start}` });
    }
  });

const itemFields = {
  id: slug.optional(),
  question: text(LIMITS.questionLength),
  anonymous: z.boolean().optional(),
  schedule: scheduleSchema,
  openFor: duration.optional(),
  remindBefore: duration.optional(),
};

/** default of `openFor`: a post stays open one week. */
export const DEFAULT_OPEN_FOR = 'P7D';

function checkReminder(
  item: { openFor?: string | undefined; remindBefore?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (item.remindBefore === undefined) return;
  const openFor = parseIsoDuration(item.openFor ?? DEFAULT_OPEN_FOR);
  const remind = parseIsoDuration(item.remindBefore);
  if (openFor && remind && nominalMillis(remind) >= nominalMillis(openFor)) {
    ctx.addIssue({
      code: 'custom',
      path: ['remindBefore'],
      message: `${item.remindBefore} must be shorter than openFor (${item.openFor ?? `${DEFAULT_OPEN_FOR}, the default`})`,
    });
  }
}

const ideaSchema = z.strictObject({ type: z.literal('idea'), ...itemFields }).superRefine(checkReminder);
const ratingSchema = z.strictObject({ type: z.literal('rating'), ...itemFields }).superRefine(checkReminder);
const yesNoSchema = z.strictObject({ type: z.literal('yesno'), ...itemFields }).superRefine(checkReminder);
const pollSchema = z
  .strictObject({
    type: z.literal('poll'),
    ...itemFields,
    options: z.array(text(LIMITS.optionLength)).min(LIMITS.minOptions).max(LIMITS.maxOptions),
    multiple: z.boolean().optional(),
    maxChoices: z.int().min(1).optional(),
  })
  .superRefine((poll, ctx) => {
    checkReminder(poll, ctx);
    poll.options.forEach((option, index) => {
      if (poll.options.indexOf(option) !== index) {
        ctx.addIssue({ code: 'custom', path: ['options', index], message: `'${option}' appears twice` });
      }
    });
    if (poll.maxChoices === undefined) return;
    if (poll.multiple !== true) {
      ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'only applies with multiple: true' });
    } else if (poll.maxChoices > poll.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxChoices'],
        message: `is ${poll.maxChoices} but the poll has only ${poll.options.length} options`,
      });
    }
  });

/** One item of a campaign file, told apart by `type`. */
export const itemSchema = z.discriminatedUnion('type', [ideaSchema, pollSchema, ratingSchema, yesNoSchema]);

const teams = z.union([z.literal('all'), z.array(text(200)).min(1)], {
  error: (issue) => (issue.input === undefined ? 'is required' : "must be 'all' or a list of team names or ids"),
});

/** The whole campaign file as written (keys as in the file, defaults not yet applied). */
export const campaignFileSchema = z
  .strictObject({
    id: slug,
    title: text(LIMITS.titleLength),
    description: text(LIMITS.descriptionLength).optional(),
    teams: teams.optional(),
    units: z
      .array(text(200), { error: 'must be a list of unit ids or names from the organisation file' })
      .min(1)
      .optional(),
    channel: text(200).optional(),
    timezone: z
      .string()
      .refine(isValidTimeZone, { error: 'is not an IANA time zone such as Europe/Berlin' })
      .optional(),
    status: z.enum(FILE_STATUSES).optional(),
    retentionDays: z.int().positive().optional(),
    items: z.array(itemSchema).min(1),
  })
  // runs even when other keys are invalid, so a file missing every key hears about teams too.
  .superRefine(
    (file, ctx) => {
      if (file.teams === undefined && file.units === undefined)
        ctx.addIssue({ code: 'custom', path: ['teams'], message: 'is required (or units: a list of units)' });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  )
  .superRefine((file, ctx) => {
    if (file.teams === 'all' && file.units !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['units'],
        message: 'cannot be combined with teams: all (all teams already)',
      });
    const seen = new Set<string>();
    // runs even when some items are invalid, so it reads ids defensively.
    file.items.forEach((item: unknown, index) => {
      const own = (item as { id?: unknown } | null)?.id;
      const id = itemId(typeof own === 'string' ? own : undefined, index);
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `item id '${id}' is used twice` });
      seen.add(id);
    });
  });

/** The parsed file before defaults are applied. */
export type CampaignFile = z.output<typeof campaignFileSchema>;

/** an item's id: its own, or 'item-<1-based index>' so it stays stable while items are appended. */
export function itemId(own: string | undefined, index: number): string {
  return own ?? `item-${index + 1}`;
}

/** English names of the item types, for messages. */
export const ITEM_TYPE_LIST = `${ITEM_TYPES.slice(0, -1).join(', ')} or ${ITEM_TYPES[ITEM_TYPES.length - 1]}`;
