import type { AppServices } from '../ports/services';

/** what teams use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type TeamsPorts = Pick<AppServices, 'isAdmin' | 'membership' | 'storage'>;
