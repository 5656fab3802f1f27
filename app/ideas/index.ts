// Ideas: ideas on prompts and sent in chat, the ideas board (support, "Ich mache mit"), statuses set by leaders with
// notices to authors, and follow-up polls started from an idea.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { followUpPollAction } from './follow-up-poll-action';
export { followUpTeamAction } from './follow-up-team-action';
export { ideaAction } from './idea-action';
export { ideaSupportAction, ideaVolunteerAction } from './idea-backing-actions';
export { ideasCommand, submitIdeaCommand } from './idea-commands';
export { ideasCardWithProblem } from './idea-problem-card';
export { ideaStatusAction } from './idea-status-action';
export { ideaForTeamAction, ideasOfTeamAction } from './idea-team-actions';
export { tellPerson } from './decision-notices';
export { visibleIdea } from './idea-board';
export { offerIdeaCommand } from './idea-offer';
