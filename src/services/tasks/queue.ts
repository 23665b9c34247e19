/**
 * The job queue: background work started by a request or by a schedule, run by whichever
 * process is free, with its state (progress, what it made, why it failed) in the `jobs` table so
 * that every process reads the same answer. Two engines behind one interface:
 *
 * - `pg-boss` (several processes on one PostgreSQL server): a job is sent to pg-boss, any process
 *   working that queue takes it; schedules are pg-boss schedules, so a scheduled job is sent once
 *   per slot however many processes run, and taken by one of them.
 * - `in-process` (embedded PGlite, one process by construction; and tests): a job runs at once in
 *   this process; schedules are timers.
 *
 * A handler receives the job's data (plain JSON) and reports progress; it returns the id of what
 * it made, or null. Jobs are forgotten an hour after they end: their results are stored elsewhere.
 * See docs/decisions/012-several-processes.md.
 */
import cronParser from 'cron-parser';
import PgBoss from 'pg-boss';
import type { Database, Db } from '#src/db/client.ts';
import {
  deleteJobsEndedBefore,
  finishJob,
  insertJob,
  insertScheduledJob,
  jobById,
  markJobRunning,
  setJobProgress,
  type JobError,
  type JobRow,
} from '#src/db/queries/jobs.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import type { Progress } from './pool.ts';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobView {
  id: string;
  kind: string;
  /** `queued` is shown as `running`: the job is accepted, and it will run. */
  state: Exclude<JobState, 'queued'>;
  progress: Progress;
  /** What the job made (an allocation run's id), once done. */
  resultId: string | null;
  error: { code: ErrorCode; message: string; details: Record<string, unknown> } | null;
}

export interface JobContext {
  id: string;
  /** Null for scheduled work. */
  ownerId: string | null;
  progress(p: Progress): void;
}

export type JobHandler<D> = (data: D, job: JobContext) => Promise<string | null>;

export interface EnqueueOptions {
  /** Who may read the job; null for work nobody follows (mail). */
  ownerId: string | null;
  /** The total of its progress (default 1). */
  steps?: number;
  /** At most this many queued or running jobs per owner; one more is refused (null: no limit). */
  limit?: number | null;
}

/** Every when-to-run of a schedule: a cron line for pg-boss, a period for the in-process timer. */
export interface Schedule {
  cron: string;
  everyMs: number;
}

export interface JobQueue {
  readonly engine: 'pg-boss' | 'in-process';
  /** Says what a kind of job does; every process registers the same handlers before start. */
  handle<D>(kind: string, handler: JobHandler<D>): void;
  /** Runs `kind` on a schedule (in one process at a time). */
  schedule(kind: string, when: Schedule): void;
  /** Records the job and hands it over; null when its owner has `limit` jobs already. */
  enqueue(kind: string, data: unknown, options: EnqueueOptions): Promise<JobView | null>;
  /** The owner's job, or null (someone else's job is as good as none). */
  get(ownerId: string, id: string): Promise<JobView | null>;
  start(): Promise<void>;
  /** Stops taking jobs and waits for the ones this process runs. */
  stop(): Promise<void>;
}

const KEEP_MS = 60 * 60 * 1000;

/** The last time `cron` (UTC) names at or before `now`. */
export function slotOf(cron: string, now: Date): Date {
  // `prev` is strictly before its start: a run at the very millisecond of a slot holds it.
  const start = new Date(now.getTime() + 1);
  return cronParser.parseExpression(cron, { tz: 'UTC', currentDate: start }).prev().toDate();
}

/** The advisory lock under which a process sets up pg-boss (its schema, queues, schedules). */
const QUEUE_SETUP_LOCK = 0x6b6b6a71;

export function viewOf(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state === 'queued' ? 'running' : (row.state as JobView['state']),
    progress: { done: row.progressDone, total: row.progressTotal },
    resultId: row.resultId,
    error: row.error
      ? {
          code: row.error.code as ErrorCode,
          message: row.error.message,
          details: row.error.details,
        }
      : null,
  };
}

function errorOf(error: unknown): JobError {
  return error instanceof AppError
    ? { code: error.code, message: error.message, details: error.details }
    : { code: 'internal', message: 'the job failed', details: {} };
}

/** What both engines share: the rows of the `jobs` table and running a handler against one. */
abstract class BaseQueue implements JobQueue {
  abstract readonly engine: JobQueue['engine'];
  protected readonly handlers = new Map<string, JobHandler<never>>();
  protected readonly schedules = new Map<string, Schedule>();
  private readonly running = new Set<Promise<void>>();

  constructor(protected readonly db: Db) {}

  handle<D>(kind: string, handler: JobHandler<D>): void {
    this.handlers.set(kind, handler as JobHandler<never>);
  }

  schedule(kind: string, when: Schedule): void {
    this.schedules.set(kind, when);
  }

  async enqueue(kind: string, data: unknown, options: EnqueueOptions): Promise<JobView | null> {
    if (!this.handlers.has(kind)) throw new Error(`no handler for jobs of kind ${kind}`);
    await deleteJobsEndedBefore(this.db, KEEP_MS);
    const row = await insertJob(
      this.db,
      { kind, ownerId: options.ownerId, total: options.steps ?? 1 },
      options.limit ?? null,
    );
    if (!row) return null;
    try {
      await this.dispatch(kind, row.id, data);
    } catch (error) {
      await finishJob(this.db, row.id, { error: errorOf(error) });
      throw error;
    }
    return viewOf(row);
  }

  async get(ownerId: string, id: string): Promise<JobView | null> {
    const row = await jobById(this.db, id);
    return row && row.ownerId === ownerId ? viewOf(row) : null;
  }

  abstract start(): Promise<void>;

  async stop(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Hands a recorded job to whichever process will run it. */
  protected abstract dispatch(kind: string, jobId: string, data: unknown): Promise<void>;

  /** Runs one recorded job here, writing its state as it goes. */
  protected run(kind: string, jobId: string, data: unknown): Promise<void> {
    const done = this.runRecorded(kind, jobId, data);
    this.running.add(done);
    return done.finally(() => this.running.delete(done));
  }

  /** A scheduled run: recorded as a job of nobody's, then run here. */
  protected async runScheduled(kind: string): Promise<void> {
    const row = await insertJob(this.db, { kind, ownerId: null, total: 1 }, null);
    if (row) await this.run(kind, row.id, {});
  }

  private async runRecorded(kind: string, jobId: string, data: unknown): Promise<void> {
    const handler = this.handlers.get(kind);
    const row = await jobById(this.db, jobId);
    if (!handler || !row) return;
    await markJobRunning(this.db, jobId);
    // Progress is written in order, never two at once; the last one wins.
    let writing: Promise<void> = Promise.resolve();
    const progress = (p: Progress) => {
      writing = writing.then(() => setJobProgress(this.db, jobId, p)).catch(() => undefined);
    };
    try {
      const resultId = await handler(data as never, { id: jobId, ownerId: row.ownerId, progress });
      await writing;
      await finishJob(this.db, jobId, { resultId });
    } catch (error) {
      await writing;
      await finishJob(this.db, jobId, { error: errorOf(error) });
    }
  }
}

/** One process: a job runs at once, here; a schedule is a timer. */
class InProcessQueue extends BaseQueue {
  readonly engine = 'in-process' as const;
  private readonly timers: NodeJS.Timeout[] = [];

  async start(): Promise<void> {
    for (const [kind, when] of this.schedules) {
      const timer = setInterval(() => {
        void this.runScheduled(kind).catch(() => undefined);
      }, when.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  override async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await super.stop();
  }

  protected async dispatch(kind: string, jobId: string, data: unknown): Promise<void> {
    void this.run(kind, jobId, data).catch(() => undefined);
  }
}

export interface PgBossOptions {
  /** How often an idle process asks for work (seconds, at least 0.5; default 1). */
  pollingSeconds?: number;
  /** How often schedules are checked (seconds, 1–45; default 30). */
  cronSeconds?: number;
}

/** Several processes: pg-boss on the PostgreSQL server, through the app's own pool. */
class PgBossQueue extends BaseQueue {
  readonly engine = 'pg-boss' as const;
  private readonly boss: PgBoss;

  constructor(
    db: Db,
    executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>,
    private readonly exclusive: Database['exclusive'],
    private readonly options: PgBossOptions,
  ) {
    super(db);
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => executeSql(text, values ?? []) },
      schema: 'pgboss',
      ...(options.cronSeconds === undefined
        ? {}
        : {
            cronMonitorIntervalSeconds: options.cronSeconds,
            cronWorkerIntervalSeconds: Math.min(options.cronSeconds, 5),
          }),
    });
    // A lost connection or a failed maintenance run must not end the process.
    this.boss.on('error', () => undefined);
  }

  async start(): Promise<void> {
    // Processes started together would create the same queues at once, and PostgreSQL answers
    // one of them with a deadlock: they set up one after the other.
    await this.exclusive(QUEUE_SETUP_LOCK, async () => {
      await this.boss.start();
      for (const kind of this.handlers.keys()) await this.boss.createQueue(kind);
      for (const [kind, when] of this.schedules) {
        await this.boss.schedule(kind, when.cron, {}, { tz: 'UTC' });
      }
    });
    const polling = this.options.pollingSeconds ?? 1;
    for (const kind of this.handlers.keys()) {
      await this.boss.work<{ jobId?: string; data?: unknown }>(
        kind,
        { pollingIntervalSeconds: polling, batchSize: 1 },
        async (batch) => {
          for (const job of batch) {
            if (job.data.jobId) await this.run(kind, job.data.jobId, job.data.data);
            else await this.runInSlot(kind);
          }
        },
      );
    }
  }

  override async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: false });
    await super.stop();
  }

  protected async dispatch(kind: string, jobId: string, data: unknown): Promise<void> {
    await this.boss.send(kind, { jobId, data });
  }

  /**
   * A scheduled run on several processes: it holds the slot of its cron line at the time it
   * starts, and runs only if no other run holds that slot. pg-boss sends one job per slot, but
   * a job sent late in one slot can start in the next, beside that slot's own job: the second
   * of the two finds the slot held and does nothing.
   */
  private async runInSlot(kind: string): Promise<void> {
    const when = this.schedules.get(kind);
    if (!when) return this.runScheduled(kind);
    const row = await insertScheduledJob(this.db, kind, (now) => slotOf(when.cron, now));
    if (row) await this.run(kind, row.id, {});
  }
}

/**
 * The queue for `database`: pg-boss when it is a PostgreSQL server and `shared` is asked for
 * (several processes), else in-process.
 */
export function createJobQueue(
  database: Database,
  options: { shared?: boolean } & PgBossOptions = {},
): JobQueue {
  if (options.shared && database.engine === 'postgres' && database.executeSql) {
    return new PgBossQueue(database.db, database.executeSql, database.exclusive, options);
  }
  return new InProcessQueue(database.db);
}
