// Results: "Ihr habt gesagt – wir tun" – the results card of a closed item, a finished campaign or a done measure,
// posted by a leader or admin into the channels concerned, and the monthly progress post into each team's General.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { postResultsAction } from './post-results-action';
export { postResultsCommand } from './post-results-command';
export {
  postCampaignResults,
  postItemResults,
  postMeasureResults,
  type ResultsActor,
  type ResultsPosted,
} from './post-results';
export { createProgressScheduler, postTeamProgress } from './progress-runtime';
export { type ProgressScheduler } from './progress-scheduler';
