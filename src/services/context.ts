import type { Actor } from '#src/domain/access/policy.ts';
import type { Db } from '#src/db/client.ts';

/** What every use case receives: the database, who is acting, and the request for the audit trail. */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  requestId?: string;
}
