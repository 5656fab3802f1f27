import type { ExportRequest } from '../../core/export/export-request';
import { campaignFileFor } from './campaign-export';
import type { DownloadFile } from './download-links';
import type { ExportsPorts } from './ports';
import { rangeFileFor } from './range-export';

/** the file behind an export download link (a campaign, or a date range), rebuilt with the person's current permissions. */
export async function exportFileFor(
  s: ExportsPorts,
  request: ExportRequest,
): Promise<DownloadFile | 'forbidden' | 'missing'> {
  return request.kind === 'range' ? rangeFileFor(s, request) : campaignFileFor(s, request);
}
