import { TeamsInfo, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { TeamRecord } from '../core/installations';
import type { Member } from '../core/people';

/** reads a team's members from Teams (the roster API), page by page. */
export class TeamRoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async members(team: TeamRecord): Promise<Member[]> {
    const members: Member[] = [];
    await this.adapter.continueConversationAsync(this.appId, team.reference as unknown as Partial<ConversationReference>, async (ctx) => {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(ctx, team.teamId, 500, token);
        for (const m of page.members ?? []) {
          if (m.aadObjectId) members.push({ aadObjectId: m.aadObjectId, name: m.name ?? '', ...((m.userPrincipalName ?? m.email) && { upn: m.userPrincipalName ?? m.email }), ...(m.id && { userId: m.id }) });
        }
        token = page.continuationToken ?? undefined;
      } while (token);
    });
    return members;
  }
}
