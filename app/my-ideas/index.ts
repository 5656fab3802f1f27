// My ideas: `meine ideen`, a person's own named ideas from any time with their status, the measures they are part of
// and the latest note — where an author learns what became of what they said.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { myIdeasCommand } from './my-ideas-command';
