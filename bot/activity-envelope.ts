import { z } from 'zod';

/**
 * the least an incoming body must be before the Bot Framework adapter sees it. A bare CloudAdapter
 * answers many malformed activities with 500; we answer 400 and log why.
 */
export const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  from: z.looseObject({ id: z.string().min(1).max(1024), aadObjectId: z.string().max(128).optional(), name: z.string().max(512).optional() }),
  recipient: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
  text: z.string().max(28_000).optional(),
  locale: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  channelData: z.looseObject({}).optional(),
});

/** the first problem with a body, as a short log-friendly string, or undefined when it is a usable activity. */
export function envelopeProblem(body: unknown): string | undefined {
  const parsed = activityEnvelopeSchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid activity';
}
