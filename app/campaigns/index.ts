// Campaigns: prompt campaigns loaded from files or made in the wizard, their schedule (posted on time, once, across
// instances, closed when due), the list and status card, copy and delete, and a campaign's readable plan and campaign
// file as short-lived downloads.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { campaignsCommand, reloadCampaignsCommand } from './campaign-commands';
export { campaignCopyAction, campaignDeleteAction } from './campaign-edit-actions';
export { createCampaignScheduler } from './campaign-runtime';
export { type CampaignScheduler } from './campaign-scheduler';
export { campaignStatusAction } from './campaign-status-action';
export { campaignPlanAction } from './campaign-plan-action';
export { planFileFor } from './plan-file';
export { mayReadPlans } from './plan-access';
