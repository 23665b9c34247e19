/**
 * Jobs: heavy work the web app waits on without holding a request open. A job is started by a
 * request (which gets its id at once), runs in the background, reports progress, and ends with
 * the id of what it made or with an error in the API's shape. Only its owner sees it. Jobs live
 * in the process's memory for an hour after they end: a restart forgets them, never their
 * results, which are stored when the work is done.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from '../errors.ts';
import type { Progress } from './pool.ts';

export type JobKind = 'allocation-run';
export type JobState = 'running' | 'done' | 'failed';

export interface JobView {
  id: string;
  kind: JobKind;
  state: JobState;
  progress: Progress;
  /** What the job made (an allocation run's id), once done. */
  resultId: string | null;
  error: { code: ErrorCode; message: string; details: Record<string, unknown> } | null;
}

interface Job extends JobView {
  owner: string;
  endedAt: number | null;
}

const KEEP_MS = 60 * 60 * 1000;

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Starts `work` for `owner`, in `steps` steps. `work` is called at once, so it may refuse (throw) before a job
   * exists — a 429 from the task pool reaches the request that asked.
   */
  start(
    owner: string,
    kind: JobKind,
    work: (progress: (p: Progress) => void) => Promise<string>,
    steps = 1,
  ): JobView {
    this.prune();
    const job: Job = {
      id: randomUUID(),
      kind,
      owner,
      state: 'running',
      progress: { done: 0, total: steps },
      resultId: null,
      error: null,
      endedAt: null,
    };
    const running = work((p) => {
      job.progress = { done: p.done, total: p.total };
    });
    this.jobs.set(job.id, job);
    running.then(
      (resultId) => {
        job.state = 'done';
        job.progress = { done: job.progress.total, total: job.progress.total };
        job.resultId = resultId;
        job.endedAt = this.now();
      },
      (error: unknown) => {
        job.state = 'failed';
        job.error =
          error instanceof AppError
            ? { code: error.code, message: error.message, details: error.details }
            : { code: 'internal', message: 'the job failed', details: {} };
        job.endedAt = this.now();
      },
    );
    return view(job);
  }

  /** The owner's job, or null (someone else's job is as good as none). */
  get(owner: string, id: string): JobView | null {
    this.prune();
    const job = this.jobs.get(id);
    return job && job.owner === owner ? view(job) : null;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) {
      if (job.endedAt !== null && now - job.endedAt > KEEP_MS) this.jobs.delete(id);
    }
  }
}

function view(job: Job): JobView {
  const { owner: _owner, endedAt: _endedAt, ...rest } = job;
  return { ...rest, progress: { ...rest.progress } };
}
