/**
 * PAID_ONCE under kill -9: a child process pays batches against a PostgreSQL server and is killed
 * with SIGKILL at random moments, many times over; then every student-month is paid exactly once or
 * not at all, no batch is half-written, and every payment is in the audit trail. Runs when
 * TEST_DATABASE_URL is set (a server to crash against).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { seedDemo } from '#src/db/seed/demo.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { createTestDatabase } from '#test/support/db.ts';

const templateUrl = inject('pgTemplateUrl');
const worker = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));
const rows = <T>(r: unknown): T[] => (r as { rows?: T[] }).rows ?? (r as T[]);

function run(url: string, repId: string, killAfterMs: number | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, url, repId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && out.includes('ready')) {
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        killAfterMs = null;
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(signal ?? out);
      else reject(new Error(`worker exited ${code}: ${err}`));
    });
  });
}

describe.skipIf(!templateUrl)(
  'PAID_ONCE: kill -9 in the middle of paying batches (PostgreSQL)',
  () => {
    let database: Database;
    let url: string;
    let repId: string;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      await seedDemo(database.db, await hashPassword('crash-test-password'));
      const u = new URL(templateUrl!);
      u.pathname = `/${database.location.split('/').pop()}`;
      url = u.toString();
      repId = rows<{ id: string }>(
        await database.db.execute(
          sql`SELECT id FROM users WHERE email = 'rep.tohoku@demo.kakehashi.example'`,
        ),
      )[0]!.id;
      // Confirm every month of the banked stays so that there is much to pay.
      await database.db.execute(sql`
      INSERT INTO enrolment_confirmations (mobility_id, month)
      SELECT m.id, to_char(d, 'YYYY-MM')
      FROM mobilities m JOIN bank_accounts a ON a.mobility_id = m.id,
      generate_series(m.start_date, m.start_date + (m.months::int - 1) * interval '1 month', interval '1 month') d
      WHERE d < date '2019-04-01'
      ON CONFLICT DO NOTHING`);
    }, 120_000);
    afterAll(() => database?.close());

    it('PAID_ONCE, R8: every student-month is paid exactly once or not at all, whatever the kills', async () => {
      let kills = 0;
      for (let i = 0; i < 12; i++) {
        const r = await run(url, repId, Math.floor(Math.random() * 400));
        if (r === 'SIGKILL') kills++;
      }
      expect(kills).toBeGreaterThan(5);
      // The last run is not killed: it finishes the open batches and pays the rest.
      expect(await run(url, repId, null)).toMatch(/done/);

      const dupes = rows(
        await database.db.execute(sql`
        SELECT mobility_id, kind, period FROM payments GROUP BY 1, 2, 3 HAVING count(*) > 1`),
      );
      expect(dupes).toEqual([]);
      const empty = rows(
        await database.db.execute(sql`
        SELECT b.id FROM payment_batches b WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.batch_id = b.id)`),
      );
      expect(empty).toEqual([]);
      const open = rows(
        await database.db.execute(sql`SELECT id FROM payment_batches WHERE status <> 'paid'`),
      );
      expect(open).toEqual([]);
      const unaudited = rows(
        await database.db.execute(sql`
        SELECT p.id FROM payments p WHERE
          (SELECT count(*) FROM audit_log a WHERE a.resource_id = p.id::text AND a.action = 'payment.create') <> 1
          OR (SELECT count(*) FROM audit_log a WHERE a.resource_id = p.id::text AND a.action = 'payment.paid') <> 1`),
      );
      expect(unaudited).toEqual([]);
      // Every confirmed month of a banked stay within the support period is paid, once.
      const unpaid = rows(
        await database.db.execute(sql`
        SELECT c.mobility_id, c.month FROM enrolment_confirmations c
        JOIN bank_accounts a ON a.mobility_id = c.mobility_id
        WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.mobility_id = c.mobility_id AND p.period = c.month)`),
      );
      expect(unpaid).toEqual([]);
    }, 240_000);
  },
);
