/**
 * Queries that take a list of ids work at any length: a statement takes at most 65,535
 * parameters, so a long list is sent as one array (src/db/queries/in-list.ts) — on both engines.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { applicantNamesById } from '#src/db/queries/allocation.ts';
import { LONG_LIST } from '#src/db/queries/in-list.ts';
import { institutionNames } from '#src/db/queries/names.ts';
import { anInstitution } from '#test/factories/index.ts';
import { createTestDatabase, ENGINES } from '#test/support/db.ts';

/** More ids than a statement may have parameters. */
const MANY = 70_000;

describe.each(ENGINES)('lists of ids of any length on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('finds the same rows in a short list and in one longer than a statement’s parameters', async () => {
    const some: string[] = [];
    for (let i = 0; i < 3; i++) some.push((await anInstitution(database.db)).id);
    const short = await institutionNames(database.db, some);
    expect([...short.keys()].sort()).toEqual([...some].sort());
    const unknown = Array.from({ length: MANY }, (_, i) => `none-${i}.example`);
    const long = await institutionNames(database.db, [...unknown, ...some]);
    expect(long).toEqual(short);
  });

  it('takes a list of uuids past the limit, and just below and above the switch to an array', async () => {
    for (const n of [LONG_LIST, LONG_LIST + 1, MANY]) {
      const ids = Array.from({ length: n }, () => randomUUID());
      expect((await applicantNamesById(database.db, ids)).size).toBe(0);
    }
  });
});
