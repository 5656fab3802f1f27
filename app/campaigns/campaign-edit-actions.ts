import { VERBS } from '../../core/card-actions';
import type { CampaignsPorts } from './ports';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { campaignListCard } from './campaign-summaries';
import type { ActionHandler } from '../ports/turn';

/** an admin duplicates a campaign from the list: the copy is a draft with a new id, created in chat. */
export const campaignCopyAction: ActionHandler<typeof VERBS.campaignCopy, CampaignsPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  if (!(await s.isAdmin(turn.personId))) return fail('errNotAdmin');
  const original = await s.storage.campaigns.get(payload.campaignId);
  if (!original) return fail('errCampaignNotFound');
  const existing = new Set((await s.storage.campaigns.list()).map((c) => c.id));
  const base = `${original.id.slice(0, 56)}-kopie`;
  let id = base;
  for (let n = 2; existing.has(id); n++) id = `${base}-${n}`;
  const m = messages(facts.locale);
  const title = m.campaignCopyTitle(original.title).slice(0, 200);
  await s.storage.campaigns.saveFromChat(
    {
      id,
      title,
      description: original.description,
      targets: original.targets,
      channel: original.channel,
      timeZone: original.timeZone,
      status: 'draft',
      retentionDays: original.retentionDays,
      items: original.items,
    },
    turn.personId,
  );
  await s.storage.audit.record({
    actorId: turn.personId,
    actorName: facts.userName,
    action: 'campaign.duplicate',
    target: id,
    details: { from: original.id },
    at: s.now(),
  });
  s.log.info({ campaignId: id, from: original.id, by: turn.personId }, 'campaign duplicated');
  return ok(await campaignListCard(s, facts.locale, m.campaignDuplicated(title)));
};

/** an admin deletes a draft from the list; campaigns that were ever scheduled must be ended instead. */
export const campaignDeleteAction: ActionHandler<typeof VERBS.campaignDelete, CampaignsPorts> = async (
  turn,
  payload,
) => {
  const { s, facts } = turn;
  if (!(await s.isAdmin(turn.personId))) return fail('errNotAdmin');
  const campaign = await s.storage.campaigns.get(payload.campaignId);
  const outcome = await s.storage.campaigns.delete(payload.campaignId);
  if (outcome === 'not-found' || !campaign) return fail('errCampaignNotFound');
  if (outcome === 'not-draft') return fail('errCampaignNotDraft');
  await s.storage.audit.record({
    actorId: turn.personId,
    actorName: facts.userName,
    action: 'campaign.delete',
    target: campaign.id,
    at: s.now(),
  });
  s.log.info({ campaignId: campaign.id, by: turn.personId }, 'campaign draft deleted');
  return ok(await campaignListCard(s, facts.locale, messages(facts.locale).campaignDeleted(campaign.title)));
};
