import { buildExportListCard, buildExportRangeReadyCard } from '../../cards/export-card';
import { asAttachment } from '../../cards/render';
import type { VERBS } from '../../core/card-actions';
import { checkExportRange } from '../../core/export/export-range';
import { fail, ok } from '../../core/problems';
import type { ActionHandler } from '../ports/turn';
import { exportableCampaigns, exportScope } from './campaign-export';
import type { ExportsPorts } from './ports';
import { buildRangeExport } from './range-export';

/**
 * "CSV für den Zeitraum erstellen" on the export card: checks who may export (from the activity) and the range (a
 * wrong day comes back on the card, under its field), builds the file once to report what it holds, audits the
 * export and answers with a short-lived signed download link.
 */
export const exportRangeAction: ActionHandler<typeof VERBS.exportRange, ExportsPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const scope = await exportScope(s, personId);
  if (!scope) return fail('errExportNotAllowed');
  const checked = checkExportRange(payload);
  if (!checked.ok) {
    return ok(
      asAttachment(
        buildExportListCard(facts.locale, await exportableCampaigns(s, scope), {
          leaderOnly: scope.kind === 'teams',
          linkMinutes: s.exportLinks.minutes,
          range: { from: payload.from, to: payload.to, errors: checked.errors },
        }),
      ),
    );
  }
  const { range } = checked;
  const built = await buildRangeExport(s, scope, range, facts.locale, personId);
  const url = s.exportLinks.link({ kind: 'range', from: range.from, to: range.to, personId, locale: facts.locale });
  if (!url) {
    s.log.warn({ from: range.from, to: range.to }, 'export link not made: PUBLIC_BASE_URL is not set');
    return fail('errExportNotConfigured');
  }
  const details = {
    scope: scope.kind,
    items: built.items,
    ideas: built.chatIdeas,
    measures: built.measures,
    teams: built.teams,
  };
  await s.storage.audit.record({
    actorId: personId,
    actorName: facts.userName || undefined,
    action: 'export.range',
    target: `${range.from}..${range.to}`,
    details,
    at: s.now(),
  });
  s.log.info({ ...details, by: personId, from: range.from, to: range.to }, 'range exported');
  return ok(
    asAttachment(
      buildExportRangeReadyCard(facts.locale, {
        from: range.from,
        to: range.to,
        items: built.items,
        chatIdeas: built.chatIdeas,
        measures: built.measures,
        url,
        linkMinutes: s.exportLinks.minutes,
        minGroupSize: s.config.minGroupSize,
      }),
    ),
  );
};
