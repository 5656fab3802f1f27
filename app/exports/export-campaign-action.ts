import { buildExportReadyCard } from '../../cards/export-card';
import type { ExportsPorts } from './ports';
import { asAttachment } from '../../cards/render';
import type { VERBS } from '../../core/card-actions';
import { fail, ok } from '../../core/problems';
import { buildCampaignExport, exportScope } from './campaign-export';
import type { ActionHandler } from '../ports/turn';

/**
 * "CSV erstellen" on the export card: checks who may export (from the activity), builds the file once to report what
 * it holds, audits the export and answers with a short-lived signed download link.
 */
export const exportCampaignAction: ActionHandler<typeof VERBS.exportCampaign, ExportsPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  const scope = await exportScope(s, facts.aadObjectId);
  if (!scope || !facts.aadObjectId) return fail('errExportNotAllowed');
  const built = await buildCampaignExport(s, scope, payload.campaignId, facts.locale);
  if (!built.ok) return built;
  const url = s.exportLinks.link({ campaignId: payload.campaignId, personId: facts.aadObjectId, locale: facts.locale });
  if (!url) {
    s.log.warn({ campaignId: payload.campaignId }, 'export link not made: PUBLIC_BASE_URL is not set');
    return fail('errExportNotConfigured');
  }
  await s.storage.audit.record({
    actorId: facts.aadObjectId,
    actorName: facts.userName || undefined,
    action: 'export.campaign',
    target: payload.campaignId,
    details: { scope: scope.kind, items: built.value.items, teams: built.value.teams },
    at: s.now(),
  });
  s.log.info(
    { campaignId: payload.campaignId, by: facts.aadObjectId, scope: scope.kind, items: built.value.items },
    'campaign exported',
  );
  return ok(
    asAttachment(
      buildExportReadyCard(facts.locale, {
        campaignTitle: built.value.campaignTitle,
        items: built.value.items,
        url,
        linkMinutes: s.exportLinks.minutes,
        minGroupSize: s.config.minGroupSize,
      }),
    ),
  );
};
