import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { users } from '#src/db/schema.ts';
import { seedDemo } from '#src/db/seed/demo.ts';
import { hashPassword, verifyPassword } from '#src/services/auth/passwords.ts';
import { createTestDatabase } from '#test/support/db.ts';

describe('the demo world', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedDemo(database.db, () => hashPassword('demo-password-for-this-test'));
  });
  afterAll(() => database?.close());

  it('hashes every account’s password with its own salt', async () => {
    const rows = await database.db
      .select({ email: users.email, hash: users.passwordHash })
      .from(users);
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
    for (const r of rows.slice(0, 3)) {
      expect(await verifyPassword(r.hash, 'demo-password-for-this-test')).toBe(true);
    }
  });
});
