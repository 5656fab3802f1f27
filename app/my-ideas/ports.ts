import type { AppServices } from '../ports/services';

/** what `meine ideen` uses of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type MyIdeasPorts = Pick<AppServices, 'config' | 'log' | 'storage'>;
