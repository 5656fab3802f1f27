import type { AppServices } from '../ports/services';

/** what results use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type ResultsPorts = Pick<
  AppServices,
  'config' | 'isAdmin' | 'log' | 'membership' | 'now' | 'poster' | 'storage' | 'telemetry'
>;
