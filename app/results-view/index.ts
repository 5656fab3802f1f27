// Results view: `ergebnisse` / `results` in the personal chat — a campaign's or a closed item's results for the whole
// organisation (admins) or a leader's units and teams, per unit under the thresholds and the differencing rule, the
// units side by side, and the trend over a campaign's rounds.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { resultsViewAction } from './results-view-action';
export { resultsViewCommand } from './results-view-command';
