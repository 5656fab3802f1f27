// Privacy: a person's own data (`meine daten`: view, download, erase) and the retention job that deletes personal data
// after its period.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { myDataAction } from './my-data-action';
export { myDataCommand } from './my-data-command';
export { myDataFile } from './personal-data';
export { RetentionJob } from './retention-job';
