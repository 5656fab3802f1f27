import { buildExportListCard } from '../../cards/export-card';
import type { ExportsPorts } from './ports';
import { asAttachment } from '../../cards/render';
import { defaultExportRange } from '../../core/export/export-range';
import { messages } from '../../core/messages';
import { describeProblem } from '../../core/problems';
import { exportableCampaigns, exportScope } from './campaign-export';
import type { CommandHandler } from '../ports/turn';

/**
 * `export`: in the personal chat, the campaigns whose results the person may download, and a date range (default the
 * last three months) for everything said then (admins: all; leaders: their teams).
 */
export const exportCommand: CommandHandler<'export', ExportsPorts> = async ({ reply, facts, s }) => {
  if (!facts.isPersonal) {
    await reply(messages(facts.locale).errPersonalChatOnly);
    return;
  }
  const scope = await exportScope(s, facts.aadObjectId);
  if (!scope) {
    s.log.info({ problem: 'errExportNotAllowed' }, 'export refused');
    await reply(describeProblem(facts.locale, { key: 'errExportNotAllowed' }));
    return;
  }
  const campaigns = await exportableCampaigns(s, scope);
  const card = buildExportListCard(facts.locale, campaigns, {
    leaderOnly: scope.kind === 'teams',
    linkMinutes: s.exportLinks.minutes,
    range: defaultExportRange(s.now(), s.config.timeZone),
  });
  await reply(asAttachment(card));
};
