import type { AppServices } from '../ports/services';

/** what the digest use of the ports (app/ports/services.ts); a handler or helper here gets no more. */
export type DigestPorts = Pick<
  AppServices,
  'config' | 'log' | 'membership' | 'now' | 'poster' | 'roster' | 'storage' | 'telemetry'
>;
