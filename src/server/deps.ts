import type { Db } from '#src/db/client.ts';
import type { Mailer } from '#src/services/notify/mailer.ts';
import type { JobQueue } from '#src/services/tasks/queue.ts';
import type { TaskPool } from '#src/services/tasks/pool.ts';

/**
 * What route plugins receive: the database, the mailer when SMTP is configured, and the task
 * pool and the job queue for heavy work off the request thread.
 */
export interface RouteDeps {
  db: Db;
  mailer: Mailer | null;
  tasks: TaskPool;
  jobs: JobQueue;
}
