/**
 * Heavy work off the request thread: a small pool of worker threads (node:worker_threads) runs
 * the tasks of `handlers.ts` — allocation runs, workbook parsing, reports — so the event loop
 * keeps answering (`/api/health` among others) while they compute. Each person may have at
 * most `perUser` tasks running or waiting; one more is a 429 naming the limit. In-process: a
 * task lives as long as the process, and nothing of it is stored until it is done.
 */
import { Worker } from 'node:worker_threads';
import { LIMIT_CODES } from '#src/domain/shared/refusal-codes.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { AppError, tooBusy, type ErrorCode } from '../errors.ts';
import type { TaskInput, TaskName, TaskOutput } from './handlers.ts';

export interface Progress {
  done: number;
  total: number;
}

/** What a worker says about the task it runs. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; output: unknown }
  | {
      type: 'error';
      error: { code?: ErrorCode; message: string; details?: Record<string, unknown> };
    };

interface Queued {
  owner: string;
  task: TaskName;
  input: unknown;
  onProgress: ((p: Progress) => void) | undefined;
  resolve: (output: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  current: Queued | null;
}

const BOOT = new URL('./worker-boot.js', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;

export interface TaskPoolOptions {
  workers: number;
  perUser: number;
  /** Heap of each worker; a task that needs more fails alone, the server stays up. */
  maxHeapMb?: number;
}

export class TaskPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private readonly perOwner = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: TaskPoolOptions) {}

  /** How many counted tasks one person may have running or waiting. */
  get perUser(): number {
    return this.options.perUser;
  }

  /** How many tasks this person has running or waiting. */
  load(owner: string): number {
    return this.perOwner.get(owner) ?? 0;
  }

  /**
   * Runs `task` on a worker for `owner`. Refuses at once (throws, before any promise) when the
   * owner already has `perUser` tasks, so callers can answer 429 before starting anything.
   * `counted: false` is for reading what a task made (a large run's view): it waits its turn
   * but neither counts nor is refused.
   */
  run<K extends TaskName>(
    owner: string,
    task: K,
    input: TaskInput<K>,
    options: { onProgress?: (p: Progress) => void; counted?: boolean } = {},
  ): Promise<TaskOutput<K>> {
    if (this.closed) throw new AppError('internal', 'the task pool is closed');
    const { onProgress, counted = true } = options;
    if (!counted) {
      return new Promise<unknown>((resolve, reject) => {
        this.queue.push({ owner, task, input, onProgress, resolve, reject });
        this.dispatch();
      }) as Promise<TaskOutput<K>>;
    }
    if (this.load(owner) >= this.options.perUser) {
      throw tooBusy(
        refusal(LIMIT_CODES.tooManyTasks, { limit: this.options.perUser }),
        `already ${this.options.perUser} heavy tasks running; wait for one to finish`,
      );
    }
    this.perOwner.set(owner, this.load(owner) + 1);
    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({ owner, task, input, onProgress, resolve, reject });
      this.dispatch();
    }).finally(() => {
      const left = this.load(owner) - 1;
      if (left > 0) this.perOwner.set(owner, left);
      else this.perOwner.delete(owner);
    }) as Promise<TaskOutput<K>>;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.reject(new AppError('internal', 'shutting down'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.current === null);
      if (!slot && this.slots.length < this.options.workers) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.current = next;
      slot.worker.ref();
      slot.worker.postMessage({ task: next.task, input: next.input });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 },
    });
    const slot: Slot = { worker, current: null };
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      const current = slot.current;
      if (!current) return;
      if (message.type === 'progress') {
        current.onProgress?.({ done: message.done, total: message.total });
        return;
      }
      slot.current = null;
      worker.unref();
      if (message.type === 'done') current.resolve(message.output);
      else {
        const { code, message: text, details } = message.error;
        current.reject(new AppError(code ?? 'internal', text, details ?? {}));
      }
      this.dispatch();
    });
    const fail = (error: unknown) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      const current = slot.current;
      slot.current = null;
      current?.reject(
        new AppError('internal', `a worker stopped: ${(error as Error)?.message ?? error}`),
      );
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }
}
