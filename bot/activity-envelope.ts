import { z } from 'zod';

/** longest tenant id accepted (Entra tenant ids are GUIDs). */
const TENANT_ID_MAX = 128;

/** an id the bot echoes in HTTP headers and storage keys: printable ASCII (Teams ids always are). */
const headerSafeId = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7e]+$/, { message: 'not printable ASCII' });
const optionalText = (max: number) => z.string().max(max).optional();
/** a channel account (`from`, `recipient`, members). */
const account = z.looseObject({
  id: z.string().min(1).max(1024),
  aadObjectId: optionalText(128),
  name: optionalText(512),
});

/**
 * the least an incoming body must be before the Bot Framework adapter sees it: every field botbuilder or our
 * handlers read has its type and a bound. A bare CloudAdapter answers many malformed activities with 500, and
 * wrong-typed fields fail deep inside a turn; we answer 400 and log why. Unknown fields pass through.
 */
export const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: optionalText(256),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({
    id: headerSafeId(1024),
    tenantId: optionalText(TENANT_ID_MAX),
    conversationType: optionalText(64),
    isGroup: z.boolean().optional(),
    name: optionalText(512),
  }),
  from: account,
  recipient: account,
  text: optionalText(28_000),
  locale: optionalText(64),
  name: optionalText(256),
  action: optionalText(64),
  replyToId: optionalText(1024),
  membersAdded: z.array(account).max(1000).optional(),
  membersRemoved: z.array(account).max(1000).optional(),
  entities: z
    .array(
      z.looseObject({
        type: optionalText(128),
        text: z.string().max(28_000).optional(),
        mentioned: z.looseObject({ id: z.string().max(1024) }).optional(),
      }),
    )
    .max(256)
    .optional(),
  value: z.unknown().optional(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: optionalText(TENANT_ID_MAX) }).optional(),
      team: z
        .looseObject({ id: headerSafeId(1024).optional(), name: optionalText(512), aadGroupId: optionalText(128) })
        .optional(),
      channel: z
        .looseObject({ id: headerSafeId(1024).optional(), name: optionalText(512), type: optionalText(32) })
        .optional(),
      eventType: optionalText(128),
    })
    .optional(),
});

export type ActivityEnvelope = z.infer<typeof activityEnvelopeSchema>;

/** the invoke a card button sends; botbuilder reads `value.action.type` unchecked and answers 501 when it is missing. */
const CARD_ACTION_INVOKE = 'adaptiveCard/action';
const cardActionValueSchema = z.looseObject({ action: z.looseObject({ type: z.string().max(64) }) });

/** the checked envelope of a body, or the first problem with it as a short log-friendly string. */
export function parseEnvelope(
  body: unknown,
): { ok: true; envelope: ActivityEnvelope } | { ok: false; problem: string } {
  const parsed = activityEnvelopeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problem: firstIssue(parsed.error) };
  if (parsed.data.type === 'invoke' && !parsed.data.name) return { ok: false, problem: 'name: an invoke needs a name' };
  if (parsed.data.type === 'invoke' && parsed.data.name === CARD_ACTION_INVOKE) {
    const value = cardActionValueSchema.safeParse(parsed.data.value);
    if (!value.success) return { ok: false, problem: `value.${firstIssue(value.error)}` };
  }
  return { ok: true, envelope: parsed.data };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid activity';
}

/** the first problem with a body, as a short log-friendly string, or undefined when it is a usable activity. */
export function envelopeProblem(body: unknown): string | undefined {
  const parsed = parseEnvelope(body);
  return parsed.ok ? undefined : parsed.problem;
}

/** the Bot Framework channel id of Microsoft Teams; the Agents Playground sends it too (`-c msteams`). */
export const TEAMS_CHANNEL_ID = 'msteams';

/**
 * whether an activity comes from Microsoft Teams. The Bot Connector also signs activities from Web Chat, Direct Line
 * and other channels for the same bot; they carry no Teams identity (`from.aadObjectId`) and are never served.
 */
export function fromTeams(envelope: ActivityEnvelope): boolean {
  return envelope.channelId === TEAMS_CHANNEL_ID;
}

/**
 * the tenant ids an activity claims (Teams sends both `channelData.tenant.id` and `conversation.tenantId`);
 * empty when it names none.
 */
export function claimedTenantIds(envelope: ActivityEnvelope): string[] {
  const ids = [envelope.channelData?.tenant?.id, envelope.conversation.tenantId].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  return [...new Set(ids)];
}

/** whether an activity may pass a tenant allow-list: every tenant it names is listed, and it names at least one. An empty list allows all. */
export function tenantAllowed(envelope: ActivityEnvelope, allowedTenantIds: ReadonlySet<string>): boolean {
  if (allowedTenantIds.size === 0) return true;
  const claimed = claimedTenantIds(envelope);
  return claimed.length > 0 && claimed.every((id) => allowedTenantIds.has(id.toLowerCase()));
}
