import type { AppServices } from '../ports/services';

/** what the results view uses of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type ResultsViewPorts = Pick<AppServices, 'config' | 'isAdmin' | 'log' | 'membership' | 'now' | 'storage'>;
