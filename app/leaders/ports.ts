import type { AppServices } from '../ports/services';

/** what leaders use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type LeadersPorts = Pick<AppServices, 'config' | 'isAdmin' | 'log' | 'now' | 'roster' | 'storage'>;
