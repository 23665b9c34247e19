import type { Actor } from '#src/domain/access/policy.ts';
import type { Db } from '#src/db/client.ts';
import type { Clock } from './clock.ts';

/**
 * What every use case receives: the database, who is acting, the clock that says what "now" and
 * "today" are for this request, and the request for the audit trail.
 */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  clock: Clock;
  requestId?: string;
}
