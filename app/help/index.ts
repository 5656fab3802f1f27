// Help: `hilfe` / `help`, the command list for the person's role.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { helpCommand } from './help-command';
