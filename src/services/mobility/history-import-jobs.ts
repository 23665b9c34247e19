/**
 * Mobility history imports as jobs: the state the web app and the API follow (phase, rows read,
 * errors, result), who owns it, and how to cancel it. Everything an import job keeps lives here,
 * small, so that it can move elsewhere (a queue on PostgreSQL) without touching the import.
 * Like allocation jobs (src/services/tasks/jobs.ts): in memory, for an hour after they end.
 */
import { randomUUID } from 'node:crypto';
import { refusal } from '#src/domain/shared/refusal.ts';
import { LIMIT_CODES } from '#src/domain/shared/refusal-codes.ts';
import type { HistoryRowError } from '#src/domain/mobility/history-import.ts';
import { AppError, tooBusy, type ErrorCode } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import {
  ImportCancelled,
  type ImportOutcome,
  type ImportPhase,
  type ImportProgress,
} from './history-import.ts';

export type ImportJobState = 'running' | 'applied' | 'refused' | 'cancelled' | 'failed';

export interface ImportJobView {
  id: string;
  state: ImportJobState;
  phase: ImportPhase;
  /** Rows read so far; all of the file's once reading is done. */
  rows: number;
  errorCount: number;
  /** The first row errors (100 at most), by line. */
  errors: HistoryRowError[];
  result: { rows: number; inserted: number; alreadyPresent: number } | null;
  error: { code: ErrorCode; message: string; details: Record<string, unknown> } | null;
}

interface Job extends ImportJobView {
  owner: string;
  controller: AbortController;
  endedAt: number | null;
  /** Settles when the file has been read (or the import ended before). */
  read: Promise<void>;
}

const KEEP_MS = 60 * 60 * 1000;

export class HistoryImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Starts an import for `owner`; `run` gets the job's id, a signal and a progress callback.
   * Refuses (429) a person who already runs as many heavy tasks as allowed.
   */
  start(
    owner: string,
    run: (
      id: string,
      signal: AbortSignal,
      progress: (p: ImportProgress) => void,
    ) => Promise<ImportOutcome>,
  ): { view: ImportJobView; read: Promise<void> } {
    this.prune();
    const running = [...this.jobs.values()].filter(
      (j) => j.owner === owner && j.state === 'running',
    ).length;
    if (running >= LIMITS.tasksPerUser)
      throw tooBusy(refusal(LIMIT_CODES.tooManyTasks, { limit: LIMITS.tasksPerUser }));
    let markRead = () => {};
    const job: Job = {
      id: randomUUID(),
      owner,
      state: 'running',
      phase: 'reading',
      rows: 0,
      errorCount: 0,
      errors: [],
      result: null,
      error: null,
      controller: new AbortController(),
      endedAt: null,
      read: new Promise<void>((resolve) => (markRead = resolve)),
    };
    this.jobs.set(job.id, job);
    run(job.id, job.controller.signal, (p) => {
      job.phase = p.phase;
      job.rows = p.rows;
      job.errorCount = p.errorCount;
      if (p.phase !== 'reading') markRead();
    }).then(
      (outcome) => {
        job.state = outcome.state;
        job.rows = outcome.rows;
        job.errorCount = outcome.errorCount;
        job.errors = outcome.errors;
        job.result = {
          rows: outcome.rows,
          inserted: outcome.inserted,
          alreadyPresent: outcome.alreadyPresent,
        };
        this.end(job);
        markRead();
      },
      (error: unknown) => {
        job.state = error instanceof ImportCancelled ? 'cancelled' : 'failed';
        job.error =
          error instanceof AppError
            ? { code: error.code, message: error.message, details: error.details }
            : error instanceof ImportCancelled
              ? null
              : { code: 'internal', message: 'the import failed', details: {} };
        this.end(job);
        markRead();
      },
    );
    return { view: view(job), read: job.read };
  }

  /** The owner's job, or null (someone else's job is as good as none). */
  get(owner: string, id: string): ImportJobView | null {
    this.prune();
    const job = this.jobs.get(id);
    return job && job.owner === owner ? view(job) : null;
  }

  /** Cancels the owner's running job (nothing it read is kept); false when there is none. */
  cancel(owner: string, id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) return false;
    job.controller.abort();
    return true;
  }

  /** Forgets a job at once (one refused before it was answered with). */
  forget(id: string): void {
    this.jobs.delete(id);
  }

  private end(job: Job): void {
    job.endedAt = this.now();
  }

  private prune(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) {
      if (job.endedAt !== null && now - job.endedAt > KEEP_MS) this.jobs.delete(id);
    }
  }
}

function view(job: Job): ImportJobView {
  return {
    id: job.id,
    state: job.state,
    phase: job.phase,
    rows: job.rows,
    errorCount: job.errorCount,
    errors: [...job.errors],
    result: job.result,
    error: job.error,
  };
}
