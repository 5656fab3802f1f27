import { buildResultsPickerCard } from '../../cards/results-view-card';
import { asAttachment } from '../../cards/render';
import { messages } from '../../core/messages';
import { describeProblem } from '../../core/problems';
import type { CommandHandler } from '../ports/turn';
import type { ResultsViewPorts } from './ports';
import { resultsScope } from './results-scope';
import { campaignPosts, recentClosedItems, roundsOf } from './results-view-data';

/** how many recently closed items the picker offers. */
const PICKER_ITEMS = 10;

/**
 * `ergebnisse` / `results` in the personal chat: the picker of campaigns with closed rounds and recently closed items
 * in the person's part of the organisation (admins: everything; unit and team leaders: theirs).
 */
export const resultsViewCommand: CommandHandler<'resultsView', ResultsViewPorts> = async ({
  reply,
  facts,
  s,
  personId,
}) => {
  if (!facts.isPersonal) {
    await reply(messages(facts.locale).errPersonalChatOnly);
    return;
  }
  const org = await s.storage.org.organisation();
  const scope = await resultsScope(s, personId, org);
  if (!scope) {
    s.log.info({ problem: 'errResultsViewNotAllowed' }, 'results view refused');
    await reply(describeProblem(facts.locale, { key: 'errResultsViewNotAllowed' }));
    return;
  }
  const campaigns = await Promise.all(
    (await s.storage.campaigns.list()).map(async (c) => ({
      id: c.id,
      title: c.title,
      rounds: roundsOf(await campaignPosts(s, scope, c.id)),
    })),
  );
  const items = await recentClosedItems(s, scope, PICKER_ITEMS);
  const card = buildResultsPickerCard(facts.locale, {
    scope: scope.view.kind === 'all' ? 'all' : scope.names,
    campaigns: campaigns.filter((c) => c.rounds > 0),
    items: items.map((i) => ({ id: i.id, question: i.question, closedAt: i.closedAt ?? i.createdAt })),
    minGroupSize: s.config.minGroupSize,
    timeZone: s.config.timeZone,
  });
  await reply(asAttachment(card));
};
