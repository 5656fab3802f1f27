import type { AppServices } from '../ports/services';

/** what approvals use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type ApprovalsPorts = Pick<
  AppServices,
  'config' | 'isAdmin' | 'itemPublisher' | 'log' | 'membership' | 'now' | 'poster' | 'roster' | 'storage'
>;

/** what holding an ad-hoc item for approval needs: less than the whole feature, so any posting path can call it. */
export type HoldPorts = Pick<AppServices, 'config' | 'log' | 'membership' | 'now' | 'poster' | 'storage'>;
