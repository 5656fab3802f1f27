import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationRef } from '../core/installations';
import { resolveLocale, type Locale } from '../core/locale';
import type { TurnFacts } from '../app/ports/turn';

interface TeamsChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string; type?: string };
  tenant?: { id?: string };
  eventType?: string;
}

/** the Teams-specific channel data of an activity, typed. */
export function teamsChannelData(activity: Partial<Activity>): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

/**
 * the one rule for the tenant an activity belongs to: `channelData.tenant.id`, else `conversation.tenantId` (Teams
 * sends both; the server has already refused activities whose two disagree with ALLOWED_TENANT_IDS).
 */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return teamsChannelData(activity).tenant?.id || activity.conversation?.tenantId || undefined;
}

/** reads locale, identity, team and channel from an activity. */
export function turnFacts(activity: Partial<Activity>, defaultLocale: Locale): TurnFacts {
  const data = teamsChannelData(activity);
  const conversationType = activity.conversation?.conversationType;
  return {
    locale: resolveLocale(activity.locale, defaultLocale),
    aadObjectId: activity.from?.aadObjectId || undefined,
    userName: activity.from?.name ?? '',
    userId: activity.from?.id ?? '',
    teamId: data.team?.id,
    channelId: data.channel?.id ?? (data.team?.id ? data.team.id : undefined),
    tenantId: tenantOf(activity),
    conversationType,
    conversationId: activity.conversation?.id ?? '',
    isPersonal:
      conversationType === 'personal' ||
      (!data.team &&
        activity.conversation?.isGroup !== true &&
        conversationType !== 'groupChat' &&
        conversationType !== 'channel'),
    deliveryKey: activity.id ?? `${activity.conversation?.id}|${activity.timestamp ?? ''}|${activity.replyToId ?? ''}`,
  };
}

/** the conversation reference of an activity, in the stored shape. */
export function referenceOf(activity: Partial<Activity>): ConversationRef {
  const ref = TurnContext.getConversationReference(activity);
  return {
    serviceUrl: ref.serviceUrl ?? '',
    channelId: ref.channelId ?? 'msteams',
    conversation: {
      id: ref.conversation?.id ?? '',
      tenantId: ref.conversation?.tenantId,
      conversationType: ref.conversation?.conversationType,
      isGroup: ref.conversation?.isGroup,
    },
    bot: { id: ref.bot?.id ?? '', name: ref.bot?.name },
    user: ref.user ? { id: ref.user.id, name: ref.user.name, aadObjectId: ref.user.aadObjectId } : undefined,
    locale: ref.locale,
  };
}

/** the message text without the bot's @mention (and stray mention markup). */
export function commandText(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  const stripped = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return stripped
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim();
}
