import type { AppServices } from '../ports/services';

/** what admins use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type AdminsPorts = Pick<AppServices, 'config' | 'isAdmin' | 'log' | 'now' | 'roster' | 'storage'>;
