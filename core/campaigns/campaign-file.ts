import type { z } from 'zod';
import { Campaign, CampaignItem, DEFAULT_CHANNEL } from './campaign';
import { CampaignFile, DEFAULT_OPEN_FOR, ITEM_TYPE_LIST, campaignFileSchema, itemId } from './campaign-schema';
import { formatFileError, formatPath, readSource, type FileError, type Locator } from '../config-file';
import { isValidTimeZone } from './local-time';

/** One problem in a campaign file: where (file, 1-based line when known, path such as `items[0].options`) and what. */
export type CampaignFileError = FileError;

/** The outcome of reading a campaign file: the campaign, or every problem found. */
export type CampaignFileResult = { ok: true; campaign: Campaign } | { ok: false; errors: CampaignFileError[] };

/** Settings from configuration that a file may leave out. */
export interface CampaignFileDefaults {
  /** IANA zone used when the file has no `timezone`; the deployment's TIMEZONE, e.g. Europe/Berlin. */
  defaultTimeZone: string;
}

/** one line for logs and the admin: 'campaigns/x.yml:12 items[0].options: needs at least 2 entries'. */
export const formatCampaignFileError = formatFileError;

/**
 * reads a campaign file (.yml/.yaml as YAML 1.2 core schema, so local date-times stay strings; .json
 * as JSON), validates it and applies defaults (channel General, status scheduled, openFor P7D,
 * anonymous false, item ids item-1, item-2 …). Never throws; problems come back as errors.
 */
export function parseCampaignFile(fileName: string, text: string, defaults: CampaignFileDefaults): CampaignFileResult {
  const source = readSource(fileName, text);
  if (!source.ok) return source;
  return campaignFromData(fileName, source.data, defaults, source.locate);
}

/**
 * validates campaign data already read (a parsed file, or what the chat wizard assembled) with the same schema
 * and defaults as a file; `source` names it in errors.
 */
export function campaignFromData(
  source: string,
  data: unknown,
  defaults: CampaignFileDefaults,
  locate: Locator = () => undefined,
): CampaignFileResult {
  const fileName = source;
  const parsed = campaignFileSchema.safeParse(data, { reportInput: true, error: describeIssue });
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => toErrors(fileName, issue, locate));
    return { ok: false, errors: sortByLine(errors) };
  }
  const timeZone = parsed.data.timezone ?? defaults.defaultTimeZone;
  if (!isValidTimeZone(timeZone)) {
    const message = `default time zone '${timeZone}' is not an IANA time zone; set timezone in the file or fix TIMEZONE`;
    return { ok: false, errors: [{ file: fileName, path: 'timezone', message }] };
  }
  return { ok: true, campaign: toCampaign(parsed.data, timeZone) };
}

function toErrors(file: string, issue: z.core.$ZodIssue, locate: Locator): CampaignFileError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return { file, line: locate(path), path: formatPath(path), message: `unknown key '${key}'` };
    });
  }
  return [{ file, line: locate(issue.path), path: formatPath(issue.path), message: issue.message }];
}

function sortByLine(errors: CampaignFileError[]): CampaignFileError[] {
  return errors
    .map((e, index) => ({ e, index }))
    .sort((a, b) => (a.e.line ?? Infinity) - (b.e.line ?? Infinity) || a.index - b.index)
    .map(({ e }) => e);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

/** English messages for zod's generic issues; specific checks in the schema carry their own. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if ((issue.path ?? []).length === 0) {
        return input === null || input === undefined
          ? 'the file is empty'
          : 'the file must be a mapping of keys (id, title, teams, items …)';
      }
      if (input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'must not be empty' : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} entries, has ${(input as unknown[]).length}`;
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string')
        return `must have at most ${issue.maximum} characters, has ${(input as string).length}`;
      if (issue.origin === 'array')
        return `allows at most ${issue.maximum} entries, has ${(input as unknown[]).length}`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => String(v)).join(' or ')}`;
    case 'invalid_union': {
      if (!('discriminator' in issue) || !issue.discriminator) return undefined;
      const type = (input as Record<string, unknown> | undefined)?.type;
      if (type === undefined) return `is required: ${ITEM_TYPE_LIST}`;
      return `unknown item type '${String(type)}'; use ${ITEM_TYPE_LIST}`;
    }
    default:
      return undefined;
  }
}

function toCampaign(file: CampaignFile, timeZone: string): Campaign {
  return {
    id: file.id,
    title: file.title,
    ...(file.description !== undefined && { description: file.description }),
    targets:
      file.teams === 'all'
        ? { kind: 'all' }
        : { kind: 'teams', teams: file.teams ?? [], ...(file.units !== undefined && { units: file.units }) },
    channel: file.channel ?? DEFAULT_CHANNEL,
    timeZone,
    status: file.status ?? 'scheduled',
    ...(file.retentionDays !== undefined && { retentionDays: file.retentionDays }),
    items: file.items.map((item, index) => toItem(item, index)),
  };
}

function toItem(item: CampaignFile['items'][number], index: number): CampaignItem {
  const { schedule } = item;
  const base = {
    id: itemId(item.id, index),
    question: item.question,
    anonymous: item.anonymous ?? false,
    schedule: {
      start: schedule.start,
      ...(schedule.every !== undefined && { every: schedule.every }),
      ...(schedule.until !== undefined && { until: schedule.until }),
    },
    openFor: item.openFor ?? DEFAULT_OPEN_FOR,
    ...(item.remindBefore !== undefined && { remindBefore: item.remindBefore }),
  };
  if (item.type !== 'poll') return { type: item.type, ...base };
  return {
    type: 'poll',
    ...base,
    options: item.options,
    multiple: item.multiple ?? false,
    ...(item.maxChoices !== undefined && { maxChoices: item.maxChoices }),
  };
}
