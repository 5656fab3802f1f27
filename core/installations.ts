/** where a proactive message can go: the parts of a Bot Framework conversation reference we keep. */
export interface ConversationRef {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean; name?: string };
  bot: { id: string; name?: string };
  user?: { id: string; name?: string; aadObjectId?: string };
  locale?: string;
}

/** a team the bot is installed in. */
export interface TeamRecord {
  teamId: string;
  name: string;
  aadGroupId?: string;
  tenantId?: string;
  serviceUrl: string;
  active: boolean;
  /** a reference to the team's General channel. */
  reference: ConversationRef;
  updatedAt: Date;
}

/** a channel of an installed team; General's id equals the team id. */
export interface ChannelRecord {
  teamId: string;
  channelId: string;
  name: string;
  active: boolean;
}

/** a person with a personal (1:1) chat with the bot. */
export interface PersonRecord {
  aadObjectId: string;
  name: string;
  locale?: string;
  tenantId?: string;
  active: boolean;
  reference: ConversationRef;
  updatedAt: Date;
}

/** the display name of the General channel, which Teams reports without a name. */
export function channelDisplayName(channel: Pick<ChannelRecord, 'name' | 'channelId' | 'teamId'>): string {
  return channel.name || (channel.channelId === channel.teamId ? 'General' : channel.channelId);
}

/** how a team channel is named to a person: "Team › Kanal". */
export function targetLabel(team: Pick<TeamRecord, 'name' | 'teamId'>, channel: Pick<ChannelRecord, 'name' | 'channelId' | 'teamId'>): string {
  return `${team.name || team.teamId} › ${channelDisplayName(channel)}`;
}
