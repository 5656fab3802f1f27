import type { AppServices } from '../ports/services';

/** what measures use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type MeasuresPorts = Pick<
  AppServices,
  'config' | 'isAdmin' | 'log' | 'membership' | 'now' | 'poster' | 'refresher' | 'roster' | 'storage'
>;
