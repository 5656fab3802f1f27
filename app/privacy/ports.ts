import type { AppServices } from '../ports/services';

/** what privacy use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type PrivacyPorts = Pick<AppServices, 'config' | 'log' | 'myDataLinks' | 'now' | 'storage'>;
