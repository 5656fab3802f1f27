import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** a name for one job's holder of a lease: the host name and a random suffix, so two processes on one host differ. */
export function newInstanceId(): string {
  return `${hostname()}-${randomUUID().slice(0, 8)}`;
}
