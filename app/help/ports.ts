import type { AppServices } from '../ports/services';

/** what help use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type HelpPorts = Pick<AppServices, 'config' | 'isAdmin' | 'storage'>;
