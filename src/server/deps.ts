import type { Db } from '#src/db/client.ts';
import type { Mailer } from '#src/services/notify/mailer.ts';

/** What route plugins receive: the database and, when SMTP is configured, the mailer. */
export interface RouteDeps {
  db: Db;
  mailer: Mailer | null;
}
