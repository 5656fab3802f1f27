import type { AppServices } from '../ports/services';

/** what polls use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type PollsPorts = Pick<
  AppServices,
  'config' | 'demo' | 'isAdmin' | 'log' | 'membership' | 'now' | 'poster' | 'refresher' | 'storage'
>;
