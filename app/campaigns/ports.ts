import type { AppServices } from '../ports/services';

/** what campaigns use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type CampaignsPorts = Pick<
  AppServices,
  'config' | 'isAdmin' | 'log' | 'membership' | 'now' | 'poster' | 'refresher' | 'roster' | 'storage' | 'telemetry'
>;

/** what a campaign's plan and its downloads use of the ports. */
export type PlanPorts = Pick<AppServices, 'config' | 'isAdmin' | 'log' | 'now' | 'planLinks' | 'storage'>;
