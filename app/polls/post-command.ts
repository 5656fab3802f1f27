import { asAttachment } from '../../cards/render';
import { buildTargetPickerCard, type PostTarget } from '../../cards/target-picker-card';
import { targetLabel } from '../../core/installations';
import type { Locale } from '../../core/locale';
import { describeProblem } from '../../core/problems';
import { messages } from '../../core/messages';
import { publishItem } from './publish-item';
import type { PollsPorts } from './ports';
import type { CommandHandler } from '../ports/turn';
import { holdForApproval } from '../approvals';

/** every channel of every installed team, labelled "Team › Kanal" in the reader's language. */
export async function postTargets(s: PollsPorts, locale: Locale): Promise<PostTarget[]> {
  const targets: PostTarget[] = [];
  for (const team of await s.storage.installations.activeTeams()) {
    for (const channel of await s.storage.installations.channelsOf(team.teamId)) {
      targets.push({ teamId: team.teamId, channelId: channel.channelId, label: targetLabel(team, channel, locale) });
    }
  }
  return targets;
}

/** `umfrage`, `bewertung`, `idee`: in a channel posts the card there; in the personal chat asks where to post. */
export const postCommand: CommandHandler<'post', PollsPorts> = async (turn, command) => {
  const { reply, facts, s } = turn;
  if (facts.teamId && facts.channelId && facts.aadObjectId) {
    const team = await turn.team();
    const channel = await s.storage.installations.getChannel(team.teamId, facts.channelId);
    const hold = await holdForApproval(s, {
      draft: command.draft,
      target: {
        teamId: team.teamId,
        channelId: facts.channelId,
        label: channel ? targetLabel(team, channel) : team.name || team.teamId,
      },
      by: { aadObjectId: facts.aadObjectId, ...(facts.userName && { name: facts.userName }), locale: facts.locale },
    });
    if (hold.held) {
      await reply(messages(facts.locale).adhocHeld(hold.notified));
      return;
    }
    const item = await publishItem(
      s,
      command.draft,
      { team, channelId: facts.channelId },
      { aadObjectId: facts.aadObjectId, locale: facts.locale },
    );
    await s.storage.audit.record({
      actorId: facts.aadObjectId,
      actorName: facts.userName || undefined,
      action: 'item.post',
      target: item.id,
      details: { team: team.teamId, kind: item.kind, anonymous: item.anonymous },
      at: s.now(),
    });
    return;
  }
  if (!facts.isPersonal) {
    await reply(describeProblem(facts.locale, { key: 'errChannelOnly' }));
    return;
  }
  const targets = await postTargets(s, facts.locale);
  if (targets.length === 0) {
    await reply(messages(facts.locale).pickTargetNone);
    return;
  }
  await reply(asAttachment(buildTargetPickerCard(facts.locale, command.draft, targets)));
};
