import { randomUUID } from 'node:crypto';
import { asAttachment } from '../../cards/render';
import { approvalState, type ApprovalDecision } from '../../core/approvals/approval-rule';
import type { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import type { ApprovalRecord } from '../../storage/approval-repository';
import { campaignVersion } from '../../storage/campaign-repository';
import type { ActionHandler } from '../ports/turn';
import { formatDateTime } from '../../core/locale';
import { heldItemCard, heldItemExpired, type HeldItem } from './adhoc-hold';
import { campaignApprovalCard, planContext } from './campaign-review';
import { peopleToTell, sendToPerson } from './council-reach';
import type { ApprovalsPorts } from './ports';

/**
 * a staff council member decides on the version shown on their approval card: "Freigeben", or "Änderungen erbitten"
 * with a comment. Each member decides once per version; a version that is no longer current is refused. A request
 * for changes stops the version for good and tells the people who made or changed it, with the comment; the final
 * approval of a held ad-hoc item posts it. Audited as `campaign.approve` / `campaign.changes-requested` (items:
 * `item.approve` / `item.changes-requested`).
 */
export const approvalAction: ActionHandler<typeof VERBS.approval, ApprovalsPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const m = messages(facts.locale);
  if (!(await s.storage.roles.isCouncil(personId))) return fail('errNotCouncil');
  const needed = s.config.approvalsNeeded;
  let records = await s.storage.approvals.records(payload.kind, payload.id);
  let record = records.find((r) => r.request.version === payload.version);
  if (!record) return fail('errApprovalUnknown');
  const campaign = payload.kind === 'campaign' ? await s.storage.campaigns.get(payload.id) : undefined;
  if (payload.kind === 'campaign' && (!campaign || campaignVersion(campaign) !== payload.version))
    return fail('errApprovalOutdated');
  const context = campaign ? await planContext(s) : undefined;
  const card = (r: ApprovalRecord, all: ApprovalRecord[], extra: Parameters<typeof heldItemCard>[5]) =>
    asAttachment(
      campaign && context
        ? campaignApprovalCard(facts.locale, campaign, r, all, context, needed, extra)
        : heldItemCard(facts.locale, payload.id, r, needed, { now: s.now(), timeZone: s.config.timeZone }, extra),
    );
  const mine = record.decisions.find((d) => d.memberId === personId);
  if (mine)
    return ok(card(record, records, { own: mine, notice: { kind: 'attention', text: m.errApprovalAlreadyDecided } }));
  if (payload.decision === 'changes' && payload.comment === '')
    return ok(card(record, records, { notice: { kind: 'attention', text: m.errApprovalCommentRequired } }));

  const before = approvalState(record.decisions, needed);
  const decision: ApprovalDecision = {
    memberId: personId,
    ...(facts.userName && { memberName: facts.userName }),
    kind: payload.decision,
    ...(payload.comment !== '' && { comment: payload.comment }),
    at: s.now(),
  };
  const outcome = await s.storage.approvals.decide(payload.kind, payload.id, payload.version, decision);
  records = await s.storage.approvals.records(payload.kind, payload.id);
  record = records.find((r) => r.request.version === payload.version) ?? record;
  if (outcome === 'already')
    return ok(card(record, records, { notice: { kind: 'attention', text: m.errApprovalAlreadyDecided } }));
  const after = approvalState(record.decisions, needed);
  await s.storage.audit.record({
    actorId: personId,
    ...(facts.userName && { actorName: facts.userName }),
    action: `${payload.kind}.${payload.decision === 'approve' ? 'approve' : 'changes-requested'}`,
    target: payload.id,
    details: {
      version: payload.version.slice(0, 12),
      state: after.kind,
      ...(after.kind !== 'changes-requested' && { approvals: after.approvals }),
      ...(decision.comment && { comment: decision.comment }),
    },
    at: decision.at,
  });
  s.log.info({ kind: payload.kind, id: payload.id, decision: payload.decision, state: after.kind }, 'council decided');

  const name = facts.userName || '—';
  const requesters = peopleToTell(s, [
    record.request.requestedBy,
    ...(campaign ? [campaign.updatedBy, campaign.createdBy] : []),
  ]);
  if (after.kind === 'changes-requested' && before.kind !== 'changes-requested') {
    const text = (locale: 'de' | 'en') =>
      campaign
        ? messages(locale).approvalChangesNotice(campaign.title, name, decision.comment ?? '')
        : messages(locale).adhocChangesNotice(
            (JSON.parse(record.request.content) as HeldItem).draft.question,
            name,
            decision.comment ?? '',
          );
    await Promise.all(requesters.map((id) => sendToPerson(s, id, text)));
  }
  if (after.kind === 'approved' && before.kind !== 'approved') {
    if (campaign)
      await Promise.all(
        requesters.map((id) => sendToPerson(s, id, (l) => messages(l).approvalApprovedNotice(campaign.title))),
      );
    else await postHeldItem(s, payload.id, record, requesters);
  }
  return ok(card(record, records, { own: decision }));
};

/**
 * posts an approved held item once (a claim row guards against a second approval racing) with the "open until" it was
 * held with, and tells its poster. When that time has passed meanwhile, it is not posted: the poster is told to post it
 * again with a new time (an item that closes before anyone saw it helps nobody).
 */
async function postHeldItem(s: ApprovalsPorts, holdId: string, record: ApprovalRecord, tell: string[]): Promise<void> {
  const held = JSON.parse(record.request.content) as HeldItem;
  if (!s.itemPublisher) {
    s.log.warn({ holdId }, 'no item publisher: approved item not posted');
    return;
  }
  if (!(await s.storage.approvals.claimPost('item', holdId, record.request.version, s.now()))) return;
  if (held.closesAt && heldItemExpired(held, s.now())) {
    const closesAt = new Date(held.closesAt);
    s.log.info({ holdId }, 'approved item not posted: its open-until has passed');
    await Promise.all(
      tell.map((id) =>
        sendToPerson(s, id, (l) =>
          messages(l).adhocApprovedExpired(held.draft.question, formatDateTime(l, closesAt, s.config.timeZone)),
        ),
      ),
    );
    return;
  }
  const itemId = randomUUID();
  const closesAt = held.closesAt ? new Date(held.closesAt) : undefined;
  // noted before posting, as for items posted at once (polls/adhoc-post.ts): the due-close job closes it then.
  if (closesAt) await s.storage.items.markDueToClose(itemId, closesAt);
  const item = await s.itemPublisher.publish(
    held.draft,
    { teamId: held.target.teamId, channelId: held.target.channelId },
    { aadObjectId: held.by.aadObjectId, locale: held.by.locale, itemId, ...(closesAt && { closesAt }) },
  );
  await s.storage.audit.record({
    actorId: held.by.aadObjectId,
    ...(held.by.name && { actorName: held.by.name }),
    action: 'item.post',
    target: item.id,
    details: { team: held.target.teamId, kind: item.kind, anonymous: item.anonymous, approved: holdId },
    at: s.now(),
  });
  await Promise.all(
    tell.map((id) =>
      sendToPerson(s, id, (l) => messages(l).adhocApprovedPosted(held.draft.question, held.target.label)),
    ),
  );
}
