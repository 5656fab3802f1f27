import type { AppServices } from '../ports/services';

/** what ideas use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type IdeasPorts = Pick<
  AppServices,
  'config' | 'isAdmin' | 'log' | 'membership' | 'now' | 'poster' | 'refresher' | 'storage'
>;
