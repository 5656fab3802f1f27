// Polls: posting items (polls, ratings, idea prompts) into channels, answering them on the card, the shared card's
// coalesced refresh, closing, and the local-mode demo answers.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { AnswerThrottle } from './answer-throttle';
export { CardRefresher } from './card-refresher';
export { closeCommand } from './close-command';
export { closeItem } from './close-item';
export { DemoAnswerer, type MockUser } from './demo-answerer';
export { demoCommand } from './demo-command';
export { answerableItem } from './item-access';
export { renderItemCard } from './item-view';
export { postCommand } from './post-command';
export { postToAction } from './post-to-action';
export { publishItem } from './publish-item';
export { refreshAction } from './refresh-action';
export { voteAction } from './vote-action';
export { closeItemAction } from './close-item-action';
export { renderOwnItemView, renderSharedItemCard } from './own-view';
export { postAdhocItem, type AdhocAuthor } from './adhoc-post';
export { mayPostIn } from './post-permission';
export { openComposeForm, postFormCommand, submitComposeForm, type DialogAnswer } from './compose-dialog';
export { DueCloseJob } from './due-close-job';
