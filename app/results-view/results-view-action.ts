import { buildResultsViewCard } from '../../cards/results-view-card';
import { asAttachment } from '../../cards/render';
import type { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import type { ActionHandler } from '../ports/turn';
import type { ResultsViewPorts } from './ports';
import { resultsScope } from './results-scope';
import { campaignPosts, itemPost, questionViews } from './results-view-data';

/**
 * "Ergebnisse zeigen" on the picker: the results of the chosen campaign (every question, its latest round per unit and
 * team, the comparison and the trend over its rounds) or of one closed item, within the person's part — checked again
 * from the activity, never from the card.
 */
export const resultsViewAction: ActionHandler<typeof VERBS.resultsView, ResultsViewPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const m = messages(facts.locale);
  const org = await s.storage.org.organisation();
  const scope = await resultsScope(s, personId, org);
  if (!scope) return fail('errResultsViewNotAllowed');
  const [kind, id] = [payload.target.slice(0, 1), payload.target.slice(2)];
  let title: string;
  let posts;
  if (kind === 'c') {
    const campaign = await s.storage.campaigns.get(id);
    if (!campaign) return fail('errCampaignNotFound');
    title = campaign.title;
    posts = await campaignPosts(s, scope, id);
  } else {
    posts = await itemPost(s, scope, id);
    title = posts[0]?.item.question ?? '';
  }
  const topName = scope.view.kind === 'all' ? m.resultsViewScopeAll : m.resultsViewScopePart;
  const questions = await questionViews(s, personId, scope, org, posts, topName);
  if (questions.length === 0) return fail('errResultsViewNothing');
  s.log.info({ target: kind === 'c' ? `campaign:${id}` : `item:${id}`, scope: scope.view.kind }, 'results viewed');
  return ok(
    asAttachment(
      buildResultsViewCard(facts.locale, {
        title,
        scopeAll: scope.view.kind === 'all',
        questions,
        minGroupSize: s.config.minGroupSize,
        timeZone: s.config.timeZone,
      }),
    ),
  );
};
