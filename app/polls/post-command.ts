import { asAttachment } from '../../cards/render';
import { buildTargetPickerCard, type PostTarget } from '../../cards/target-picker-card';
import { targetLabel } from '../../core/installations';
import type { Locale } from '../../core/locale';
import { describeProblem } from '../../core/problems';
import { messages } from '../../core/messages';
import { adhocTarget, postAdhocItem } from './adhoc-post';
import { mayPostIn } from './post-permission';
import type { PollsPorts } from './ports';
import type { CommandHandler } from '../ports/turn';

/** every channel of every installed team the person may post in (mayPostIn), labelled "Team › Kanal" in the reader's language. */
export async function postTargets(s: PollsPorts, personId: string, locale: Locale): Promise<PostTarget[]> {
  const targets: PostTarget[] = [];
  for (const team of await s.storage.installations.activeTeams()) {
    if (!(await mayPostIn(s, team.teamId, personId))) continue;
    for (const channel of await s.storage.installations.channelsOf(team.teamId)) {
      targets.push({ teamId: team.teamId, channelId: channel.channelId, label: targetLabel(team, channel, locale) });
    }
  }
  return targets;
}

/**
 * `umfrage`, `bewertung`, `ideenabfrage` with a question: in a channel posts the card there (or holds it for the staff
 * council); in the personal chat asks where to post. Admins, and leaders of the team (mayPostIn); others get a refusal.
 */
export const postCommand: CommandHandler<'post', PollsPorts> = async (turn, command) => {
  const { reply, facts, s, personId } = turn;
  if (facts.teamId && facts.channelId) {
    if (!(await mayPostIn(s, facts.teamId, personId))) {
      await reply(describeProblem(facts.locale, { key: 'errNotAllowedToPost' }));
      return;
    }
    const team = await turn.team();
    const outcome = await postAdhocItem(s, command.draft, await adhocTarget(s, team, facts.channelId), {
      personId,
      userName: facts.userName,
      locale: facts.locale,
    });
    if (!outcome.posted) await reply(messages(facts.locale).adhocHeld(outcome.notified));
    return;
  }
  if (!facts.isPersonal) {
    await reply(describeProblem(facts.locale, { key: 'errChannelOnly' }));
    return;
  }
  const targets = await postTargets(s, personId, facts.locale);
  if (targets.length === 0) {
    const admin = await s.isAdmin(personId);
    await reply(admin ? messages(facts.locale).pickTargetNone : describeProblem(facts.locale, { key: 'errNotAdmin' }));
    return;
  }
  await reply(asAttachment(buildTargetPickerCard(facts.locale, command.draft, targets)));
};
