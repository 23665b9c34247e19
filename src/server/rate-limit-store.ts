/**
 * The counters of `@fastify/rate-limit` in PostgreSQL, so that several Kakehashi processes behind
 * one proxy count a client's requests as one: sign-in, sign-up and password-reset throttling
 * among them. One row per route and client (`rate_limits`, an UNLOGGED table), upserted on every
 * hit; a window starts at the first hit and lasts the route's `timeWindow`. With embedded PGlite
 * (one process) the plugin's own in-memory store is used instead.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '#src/db/client.ts';
import { deleteEndedRateLimits, hitRateLimit } from '#src/db/queries/jobs.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** How often (in hits, across all routes of the process) ended windows are swept away. */
const SWEEP_EVERY = 1000;

/** A store class bound to `db`, for the plugin's `store` option. */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let hits = 0;
  class PostgresStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'all:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      hits += 1;
      const sweep = hits % SWEEP_EVERY === 0;
      hitRateLimit(db, this.prefix + key, timeWindow)
        .then(async ({ hits: current, resetAt }) => {
          if (sweep) await deleteEndedRateLimits(db);
          callback(null, { current, ttl: Math.max(0, resetAt.getTime() - Date.now()) });
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the route's method and path as `routeInfo` (its own stores read them).
      const route = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo;
      return new PostgresStore(undefined, `${route?.method ?? ''} ${route?.url ?? ''}:`);
    }
  }
  return PostgresStore as unknown as FastifyRateLimitStoreCtor;
}
