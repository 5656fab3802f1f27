// Exports: CSV export of a campaign's items and the signed, short-lived download links that serve it (and a person's
// own data, for privacy/).
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { exportFileFor } from './export-file';
export {
  DOWNLOAD_ROUTES,
  DownloadLinks,
  attachmentHeader,
  type DownloadFile,
  type DownloadSource,
} from './download-links';
export { exportCampaignAction } from './export-campaign-action';
export { exportCommand } from './export-command';
export { exportRangeAction } from './export-range-action';
