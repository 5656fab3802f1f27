import {
  TeamsInfo,
  type CloudAdapter,
  type ConversationReference,
  type TeamsPagedMembersResult,
  type TurnContext,
} from 'botbuilder';
import type { TeamRecord } from '../core/installations';
import type { Member } from '../core/people';
import type { TeamsRosters } from '../app/ports/teams';

/** the most members Teams gives in one page of a roster. */
const PAGE_SIZE = 500;

/** reads the members of a team, or of one of its channels, from Teams (the roster API), page by page. */
export class TeamRoster implements TeamsRosters {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** all members of the team; rejects when Teams does not give the whole roster (never a partial or empty one instead). */
  async members(team: TeamRecord): Promise<Member[]> {
    return this.read(team, team.teamId, (ctx, token) =>
      TeamsInfo.getPagedTeamMembers(ctx, team.teamId, PAGE_SIZE, token),
    );
  }

  /**
   * all members of one channel of the team: for a private or shared channel its own members (a shared channel's may
   * come from other teams), for a standard channel the team's. Teams gives them only once the app was added to that
   * channel; until then the read is refused and rejects here.
   */
  async channelMembers(team: TeamRecord, channelId: string): Promise<Member[]> {
    return this.read(team, channelId, (ctx, token) => TeamsInfo.getPagedMembers(ctx, PAGE_SIZE, token));
  }

  /** pages through a roster in a turn on the given conversation of the team (General for the team, else the channel). */
  private async read(
    team: TeamRecord,
    conversationId: string,
    page: (ctx: TurnContext, token: string | undefined) => Promise<TeamsPagedMembersResult>,
  ): Promise<Member[]> {
    const members: Member[] = [];
    const reference = { ...team.reference, conversation: { ...team.reference.conversation, id: conversationId } };
    // the adapter hands an error thrown in here to its onTurnError, which only logs it: carry it out ourselves.
    let outcome: { done: true } | { failed: unknown } | undefined;
    await this.adapter.continueConversationAsync(
      this.appId,
      reference as unknown as Partial<ConversationReference>,
      async (ctx) => {
        try {
          let token: string | undefined;
          do {
            const result = await page(ctx, token);
            for (const m of result.members ?? []) {
              if (m.aadObjectId)
                members.push({
                  aadObjectId: m.aadObjectId,
                  name: m.name ?? '',
                  ...((m.userPrincipalName ?? m.email) && { upn: m.userPrincipalName ?? m.email }),
                  ...(m.id && { userId: m.id }),
                });
            }
            token = result.continuationToken ?? undefined;
          } while (token);
          outcome = { done: true };
        } catch (err) {
          outcome = { failed: err };
        }
      },
    );
    if (outcome === undefined)
      throw new Error(
        `roster of ${conversationId === team.teamId ? 'team' : 'channel'} ${conversationId} was not read`,
      );
    if ('failed' in outcome) throw outcome.failed;
    return members;
  }
}
