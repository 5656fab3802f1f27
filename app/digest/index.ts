// Digest: the weekly digest for leaders (built from storage per team, sent once per leader and week across instances)
// and the interim `überblick`.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { digestCommand } from './digest-command';
export { createDigestScheduler } from './digest-runtime';
export { type DigestScheduler } from './digest-scheduler';
