import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '#src/db/client.ts';
import { auditLog, passwordResets, users } from '#src/db/schema.ts';
import { verifyPassword } from '#src/services/auth/passwords.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'kakehashi-admin-'));
const cli = (args: string[], input: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/kakehashi.js', ...args], {
    env: { ...process.env, DATABASE_URL: '', KAKEHASHI_DATA_DIR: dataDir, ...env },
    input,
    encoding: 'utf8',
    timeout: 180_000,
  });

describe('kakehashi admin create', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the first administrator of an empty deployment, the password read from standard input', async () => {
    const res = cli(
      [
        'admin',
        'create',
        '--email',
        'it@office.example.ac.jp',
        '--name',
        '国際課 管理者',
        '--language',
        'ja',
      ],
      'a long enough passphrase\n',
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Created the administrator it@office.example.ac.jp');

    const again = cli(
      ['admin', 'create', '--email', 'IT@office.example.ac.jp'],
      'another passphrase!\n',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has an account; nothing was changed');

    const short = cli(['admin', 'create', '--email', 'second@office.example.ac.jp'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('--password');

    const database = await openPglite({ dataDir });
    try {
      const rows = await database.db.select().from(users);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        platformAdmin: true,
        language: 'ja',
        displayName: '国際課 管理者',
      });
      expect(await verifyPassword(rows[0]!.passwordHash, 'a long enough passphrase')).toBe(true);
      const audited = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'user.create-administrator'));
      expect(audited).toHaveLength(1);
    } finally {
      await database.close();
    }
  }, 600_000);

  it('with --link, creates the administrator without a password and prints a one-time link to choose it', async () => {
    const res = cli(
      ['admin', 'create', '--email', 'second.admin@office.example.ac.jp', '--link'],
      '',
      { KAKEHASHI_PUBLIC_URL: 'https://exchange.example.ac.jp/' },
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const link = /https:\/\/exchange\.example\.ac\.jp\/password\/set\/([A-Za-z0-9_-]+)/.exec(
      res.stdout,
    );
    expect(link).not.toBeNull();

    // A common password is refused before anything is created.
    const common = cli(
      ['admin', 'create', '--email', 'third@office.example.ac.jp'],
      'password1234\n',
    );
    expect(common.status).toBe(1);
    expect(common.stderr).toContain('--password: is on the list of common or breached passwords');

    const database = await openPglite({ dataDir });
    try {
      const [admin] = await database.db
        .select()
        .from(users)
        .where(eq(users.email, 'second.admin@office.example.ac.jp'));
      expect(admin).toMatchObject({ platformAdmin: true });
      // No password signs in until the link sets one.
      expect(await verifyPassword(admin!.passwordHash, '')).toBe(false);
      const [row] = await database.db
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.userId, admin!.id));
      expect(row!.tokenHash).toBe(createHash('sha256').update(link![1]!).digest('hex'));
      const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3600_000;
      expect(hours).toBe(24);
      expect(row!.usedAt).toBeNull();
      expect(await database.db.select().from(users)).toHaveLength(2);
    } finally {
      await database.close();
    }
  }, 600_000);

  it('explains itself', () => {
    const res = cli(['admin', '--help'], '');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Usage: kakehashi admin create --email');
    expect(res.stdout).toContain('--link');
    const bare = cli(['admin'], '');
    expect(bare.stdout).toContain('Usage: kakehashi admin create --email');
    const main = cli(['--help'], '');
    expect(main.stdout).toContain('admin create');
  });
});
