// Leaders: leader grants per team (in chat, or from the organisation file, re-read on `kampagnen laden`), the picker
// card and the leader list.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { addLeaderCommand, leadersCommand, removeLeaderCommand } from './leader-commands';
export { leaderPickAction } from './leader-pick-action';
export { orgFileReportLines, refreshOrganisation, reloadOrgFile } from './org-file-loader';
