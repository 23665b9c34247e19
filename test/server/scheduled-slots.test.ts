/**
 * A scheduled job on several processes holds the slot of its cron line: a job sent late in one
 * slot that starts in the next, beside that slot's own job, must not run the work twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { insertScheduledJob, jobsOfKind } from '#src/db/queries/jobs.ts';
import { slotOf } from '#src/services/tasks/queue.ts';
import { createTestDatabase, ENGINES } from '#test/support/db.ts';

describe('the slot of a cron line', () => {
  it('is the last time the line names, at or before the moment', () => {
    const minute = '* * * * *';
    expect(slotOf(minute, new Date('2026-12-07T10:00:00.000Z')).toISOString()).toBe(
      '2026-12-07T10:00:00.000Z',
    );
    expect(slotOf(minute, new Date('2026-12-07T10:00:59.999Z')).toISOString()).toBe(
      '2026-12-07T10:00:00.000Z',
    );
    expect(slotOf(minute, new Date('2026-12-07T09:59:59.999Z')).toISOString()).toBe(
      '2026-12-07T09:59:00.000Z',
    );
    const daily = '0 7 * * *';
    expect(slotOf(daily, new Date('2026-12-07T06:59:00.000Z')).toISOString()).toBe(
      '2026-12-06T07:00:00.000Z',
    );
    expect(slotOf(daily, new Date('2026-12-07T07:00:00.000Z')).toISOString()).toBe(
      '2026-12-07T07:00:00.000Z',
    );
  });
});

describe.each(ENGINES)('scheduled runs on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('one run per kind and slot: a second run in a held slot is not recorded', async () => {
    const db = database.db;
    const seen: Date[] = [];
    const slot = (now: Date) => {
      seen.push(now);
      return new Date('2026-12-07T10:00:00.000Z');
    };
    const first = await insertScheduledJob(db, 'report-reminders', slot);
    const second = await insertScheduledJob(db, 'report-reminders', slot);
    expect(first?.slot?.toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(second).toBeNull();
    // The database's clock is the one asked.
    expect(seen).toHaveLength(2);
    expect(seen.every((d) => Number.isFinite(d.getTime()))).toBe(true);

    // Another kind, or the next slot, runs.
    expect(await insertScheduledJob(db, 'other-work', slot)).not.toBeNull();
    const next = await insertScheduledJob(
      db,
      'report-reminders',
      () => new Date('2026-12-07T10:01:00.000Z'),
    );
    expect(next).not.toBeNull();
    const rows = await jobsOfKind(db, 'report-reminders');
    expect(rows.map((r) => r.slot?.toISOString())).toEqual([
      '2026-12-07T10:00:00.000Z',
      '2026-12-07T10:01:00.000Z',
    ]);
    expect(rows.every((r) => r.ownerId === null && r.state === 'queued')).toBe(true);
  });
});
