import type { VERBS } from '../../core/card-actions';
import { checkMeasureTransition } from '../../core/measures/measure';
import { messages } from '../../core/messages';
import { describeProblem, ok } from '../../core/problems';
import type { ActionHandler } from '../ports/turn';
import { measureFor } from './measure-access';
import { deliveryLines, followAndTell } from './measure-notices';
import { renderDetails } from './measure-views';
import type { MeasuresPorts } from './ports';

/**
 * a leader of the measure's team or an admin moves it to a new status (deferred and dropped need a reason, shown to
 * everyone). Its ideas follow, their named authors and backers are told, the change is audited, and the card shows
 * the measure with what followed. A refusal shows on the measure's card.
 */
export const measureStatusAction: ActionHandler<typeof VERBS.measureStatus, MeasuresPorts> = async (turn, change) => {
  const { s, facts, personId } = turn;
  const found = await measureFor(s, facts, personId, change);
  if (!found.ok) return found;
  const refuse = async (problem: Parameters<typeof describeProblem>[1]) =>
    ok(
      await renderDetails(s, facts.locale, found.value, {
        kind: 'attention',
        text: describeProblem(facts.locale, problem),
      }),
    );
  if (!found.value.canManage) return refuse({ key: 'errMeasureNotAllowed' });
  const { measure } = found.value;
  const checked = checkMeasureTransition(measure.status, { status: change.status, reason: change.reason });
  if (!checked.ok) return refuse(checked.problem);
  const at = s.now();
  const saved = await s.storage.measures.setStatus(measure.teamId, measure.measureId, checked.value, at);
  await s.storage.audit.record({
    actorId: personId,
    ...(facts.userName ? { actorName: facts.userName } : {}),
    action: 'measure.status',
    target: measure.measureId,
    details: { team: measure.teamId, from: measure.status, to: saved.status, reason: checked.value.reason !== '' },
    at,
  });
  s.log.info(
    { measureId: measure.measureId, teamId: measure.teamId, from: measure.status, to: saved.status, by: personId },
    'measure status changed',
  );
  const told = await followAndTell(s, saved, { kind: 'status' }, personId);
  const m = messages(facts.locale);
  return ok(
    await renderDetails(
      s,
      facts.locale,
      { ...found.value, measure: saved },
      {
        kind: 'good',
        text: m.measureStatusChanged(saved.title, m.measureStatusLabels[saved.status]),
        lines: deliveryLines(facts.locale, saved, told),
      },
    ),
  );
};

/** the owner, a leader of the team or an admin adds a short progress note; it becomes the measure's latest note. */
export const measureNoteAction: ActionHandler<typeof VERBS.measureNote, MeasuresPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const found = await measureFor(s, facts, personId, payload);
  if (!found.ok) return found;
  if (!found.value.canNote)
    return ok(
      await renderDetails(s, facts.locale, found.value, {
        kind: 'attention',
        text: describeProblem(facts.locale, { key: 'errMeasureNotAllowed' }),
      }),
    );
  const { measure } = found.value;
  const saved = await s.storage.measures.addNote(measure.teamId, measure.measureId, {
    text: payload.note,
    byId: personId,
    byName: facts.userName,
    at: s.now(),
  });
  s.log.info({ measureId: measure.measureId, teamId: measure.teamId }, 'measure note added');
  return ok(
    await renderDetails(
      s,
      facts.locale,
      { ...found.value, measure: saved },
      { kind: 'good', text: messages(facts.locale).measureNoteAdded },
    ),
  );
};
