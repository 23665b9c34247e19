/**
 * The state of background jobs (any process writes it, any process reads it) and the shared
 * counters of the rate limits.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import { jobs, rateLimits } from '../schema.ts';
import { rowsOf } from '../migrate.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobError = NonNullable<JobRow['error']>;

/**
 * Records a new job, unless its owner already has `limit` jobs queued or running: the check and
 * the insert hold a lock on the owner, so two requests at once cannot both pass. Null when refused.
 */
export async function insertJob(
  db: Db,
  job: { kind: string; ownerId: string | null; total: number },
  limit: number | null,
): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    if (job.ownerId !== null && limit !== null) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'jobs:' + job.ownerId}))`);
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(eq(jobs.ownerId, job.ownerId), inList(jobs.state, ['queued', 'running'])));
      if ((row?.n ?? 0) >= limit) return null;
    }
    const [inserted] = await tx
      .insert(jobs)
      .values({ kind: job.kind, ownerId: job.ownerId, progressTotal: job.total })
      .returning();
    return inserted!;
  });
}

/**
 * Records a scheduled run in the slot `slotOf` gives for the database's time, unless a run of
 * `kind` already holds that slot (another process took it): then null. The database's clock
 * decides, so processes on several machines agree.
 */
export async function insertScheduledJob(
  db: Db,
  kind: string,
  slotOf: (now: Date) => Date,
): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const [clock] = rowsOf<{ now: string | Date }>(await tx.execute(sql`SELECT now() AS now`));
    const slot = slotOf(new Date(clock!.now));
    const [inserted] = await tx
      .insert(jobs)
      .values({ kind, ownerId: null, progressTotal: 1, slot })
      .onConflictDoNothing({ target: [jobs.kind, jobs.slot] })
      .returning();
    return inserted ?? null;
  });
}

export async function jobById(db: Db, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

export async function jobsOfKind(db: Db, kind: string): Promise<JobRow[]> {
  return db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(jobs.createdAt);
}

export async function markJobRunning(db: Db, id: string): Promise<void> {
  await db.update(jobs).set({ state: 'running' }).where(eq(jobs.id, id));
}

export async function setJobProgress(
  db: Db,
  id: string,
  progress: { done: number; total: number },
): Promise<void> {
  await db
    .update(jobs)
    .set({ progressDone: progress.done, progressTotal: progress.total })
    .where(eq(jobs.id, id));
}

export async function finishJob(
  db: Db,
  id: string,
  outcome: { resultId: string | null } | { error: JobError },
): Promise<void> {
  await db
    .update(jobs)
    .set(
      'error' in outcome
        ? { state: 'failed', error: outcome.error, endedAt: sql`now()` }
        : {
            state: 'done',
            resultId: outcome.resultId,
            progressDone: sql`${jobs.progressTotal}`,
            endedAt: sql`now()`,
          },
    )
    .where(eq(jobs.id, id));
}

/** Forgets the jobs that ended more than `ms` ago (their results are stored elsewhere). */
export async function deleteJobsEndedBefore(db: Db, ms: number): Promise<void> {
  await db.delete(jobs).where(lt(jobs.endedAt, sql`now() - ${ms} * interval '1 millisecond'`));
}

/**
 * Counts one hit of `key` in its window: a new window of `windowMs` starts when there is none or
 * the last one has ended. Returns the hits so far and when the window ends.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ hits: number; resetAt: Date }> {
  const result = await db.execute(sql`
    INSERT INTO ${rateLimits} (key, hits, reset_at)
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN ${rateLimits.resetAt} <= now() THEN 1 ELSE ${rateLimits.hits} + 1 END,
      reset_at = CASE WHEN ${rateLimits.resetAt} <= now()
        THEN now() + ${windowMs} * interval '1 millisecond' ELSE ${rateLimits.resetAt} END
    RETURNING hits, reset_at`);
  const [row] = rowsOf<{ hits: number; reset_at: string | Date }>(result);
  return { hits: Number(row!.hits), resetAt: new Date(row!.reset_at) };
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Drops the counters whose window has ended. */
export async function deleteEndedRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.resetAt, sql`now()`));
}
