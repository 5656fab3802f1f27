// Approvals: the staff council (Personalrat) role, its approval of campaigns and of held ad-hoc items, and the gate
// that keeps a campaign from posting until its current content is approved.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { holdForApproval, type HeldItem } from './adhoc-hold';
export { approvalAction } from './approval-action';
export { campaignApprovalLabel, mayPostCampaign, planContext, reviewCampaign, type Requester } from './campaign-review';
export { addCouncilCommand, councilCommand, removeCouncilCommand } from './council-commands';
export { pendingCardsFor } from './pending-approvals';
export { approvalsCommand } from './waiting-command';
