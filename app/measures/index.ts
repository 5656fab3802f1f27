// Measures: what a team does about its ideas or a poll's result — created by its leaders and admins from accepted
// ideas, with an owner, a target date, a status with reasons and progress notes; the ideas follow the status and
// their named authors and backers are told; a lasting board per team and per person, overdue measures marked.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { measureBoardAction, measureDetailsAction, measuresCommand } from './measure-board';
export { measureNoteAction, measureStatusAction } from './measure-changes';
export { measureCreateAction, measureFormAction, newMeasureCommand } from './measure-form';
