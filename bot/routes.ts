// The router's tables: which feature handles each chat command and each card verb.
import type { Command } from '../core/commands';
import { VERBS, type Verb } from '../core/card-actions';
import type { ActionHandler, CommandHandler } from '../app/ports/turn';
import { postFormCommand } from '../app/polls';
import { campaignCopyAction, campaignDeleteAction } from '../app/campaigns';
import { campaignPlanAction } from '../app/campaigns';
import { campaignStatusAction } from '../app/campaigns';
import { exportCampaignAction } from '../app/exports';
import { exportRangeAction } from '../app/exports';
import { followUpTeamAction } from '../app/ideas';
import { ideaAction } from '../app/ideas';
import { ideaSupportAction, ideaVolunteerAction } from '../app/ideas';
import { ideaStatusAction } from '../app/ideas';
import { ideaForTeamAction, ideasOfTeamAction } from '../app/ideas';
import { followUpPollAction } from '../app/ideas';
import { leaderPickAction } from '../app/leaders';
import { measureBoardAction, measureCreateAction, measureDetailsAction, measureFormAction } from '../app/measures';
import { measureNoteAction, measureStatusAction, measuresCommand, newMeasureCommand } from '../app/measures';
import { myDataAction } from '../app/privacy';
import { postToAction } from '../app/polls';
import { refreshAction } from '../app/polls';
import { voteAction } from '../app/polls';
import { addAdminCommand } from '../app/admins';
import { auditCommand } from '../app/admins';
import { myDataCommand } from '../app/privacy';
import { campaignsCommand, reloadCampaignsCommand } from '../app/campaigns';
import { closeCommand } from '../app/polls';
import { demoCommand } from '../app/polls';
import { digestCommand } from '../app/digest';
import { exportCommand } from '../app/exports';
import { resultsViewAction, resultsViewCommand } from '../app/results-view';
import { helpCommand } from '../app/help';
import { ideasCommand, submitIdeaCommand } from '../app/ideas';
import { addLeaderCommand, leadersCommand, removeLeaderCommand } from '../app/leaders';
import { postCommand } from '../app/polls';
import { postResultsAction, postResultsCommand } from '../app/results';
import { myIdeasCommand } from '../app/my-ideas';
import { offerIdeaCommand } from '../app/ideas';
import {
  addCouncilCommand,
  approvalAction,
  approvalsCommand,
  councilCommand,
  removeCouncilCommand,
} from '../app/approvals';
import { closeItemAction } from '../app/polls';
import { promptIdeasAction } from '../app/ideas';

/** one handler per command name (the wizard's runs on the turn itself: handleMessage). */
export const COMMANDS: { [N in Exclude<Command['name'], 'newCampaign'>]: CommandHandler<N> } = {
  help: helpCommand,
  post: postCommand,
  close: closeCommand,
  demo: demoCommand,
  campaigns: campaignsCommand,
  reloadCampaigns: reloadCampaignsCommand,
  addAdmin: addAdminCommand,
  submitIdea: submitIdeaCommand,
  ideas: ideasCommand,
  addLeader: addLeaderCommand,
  removeLeader: removeLeaderCommand,
  leaders: leadersCommand,
  digest: digestCommand,
  export: exportCommand,
  myData: myDataCommand,
  audit: auditCommand,
  postResults: postResultsCommand,
  measures: measuresCommand,
  newMeasure: newMeasureCommand,
  myIdeas: myIdeasCommand,
  resultsView: resultsViewCommand,
  offerIdea: offerIdeaCommand,
  addCouncil: addCouncilCommand,
  removeCouncil: removeCouncilCommand,
  council: councilCommand,
  postForm: postFormCommand,
  approvals: approvalsCommand,
};

/** one handler per card verb (the wizard's runs on the turn itself: onAdaptiveCardInvoke). */
export const ACTIONS: { [V in Exclude<Verb, typeof VERBS.wizard>]: ActionHandler<V> } = {
  [VERBS.vote]: voteAction,
  [VERBS.submitIdea]: ideaAction,
  [VERBS.postTo]: postToAction,
  [VERBS.refresh]: refreshAction,
  [VERBS.campaignStatus]: campaignStatusAction,
  [VERBS.campaignCopy]: campaignCopyAction,
  [VERBS.campaignDelete]: campaignDeleteAction,
  [VERBS.ideaSupport]: ideaSupportAction,
  [VERBS.ideaVolunteer]: ideaVolunteerAction,
  [VERBS.ideaStatus]: ideaStatusAction,
  [VERBS.followUpPoll]: followUpPollAction,
  [VERBS.ideaForTeam]: ideaForTeamAction,
  [VERBS.ideasOfTeam]: ideasOfTeamAction,
  [VERBS.exportCampaign]: exportCampaignAction,
  [VERBS.leaderPick]: leaderPickAction,
  [VERBS.myData]: myDataAction,
  [VERBS.postResults]: postResultsAction,
  [VERBS.measureForm]: measureFormAction,
  [VERBS.measureCreate]: measureCreateAction,
  [VERBS.measureStatus]: measureStatusAction,
  [VERBS.measureNote]: measureNoteAction,
  [VERBS.measureDetails]: measureDetailsAction,
  [VERBS.measureBoard]: measureBoardAction,
  [VERBS.followUpPollTeam]: followUpTeamAction,
  [VERBS.exportRange]: exportRangeAction,
  [VERBS.resultsView]: resultsViewAction,
  [VERBS.campaignPlan]: campaignPlanAction,
  [VERBS.approval]: approvalAction,
  [VERBS.closeItem]: closeItemAction,
  [VERBS.promptIdeas]: promptIdeasAction,
};
