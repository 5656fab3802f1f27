import { TeamsInfo, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { TeamRecord } from '../core/installations';
import type { Member } from '../core/people';

/** reads a team's members from Teams (the roster API), page by page. */
export class TeamRoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** all members of the team; rejects when Teams does not give the whole roster (never a partial or empty one instead). */
  async members(team: TeamRecord): Promise<Member[]> {
    const members: Member[] = [];
    // the adapter hands an error thrown in here to its onTurnError, which only logs it: carry it out ourselves.
    let outcome: { done: true } | { failed: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, team.reference as unknown as Partial<ConversationReference>, async (ctx) => {
      try {
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedTeamMembers(ctx, team.teamId, 500, token);
          for (const m of page.members ?? []) {
            if (m.aadObjectId) members.push({ aadObjectId: m.aadObjectId, name: m.name ?? '', ...((m.userPrincipalName ?? m.email) && { upn: m.userPrincipalName ?? m.email }), ...(m.id && { userId: m.id }) });
          }
          token = page.continuationToken ?? undefined;
        } while (token);
        outcome = { done: true };
      } catch (err) {
        outcome = { failed: err };
      }
    });
    if (outcome === undefined) throw new Error(`roster of team ${team.teamId} was not read`);
    if ('failed' in outcome) throw outcome.failed;
    return members;
  }
}
