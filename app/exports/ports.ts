import type { AppServices } from '../ports/services';

/** what exports use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type ExportsPorts = Pick<
  AppServices,
  'config' | 'exportLinks' | 'isAdmin' | 'log' | 'membership' | 'now' | 'storage'
>;
