import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '#src/services/clock.ts';
import { EwpConfigError, ewpHostFromEnv, fileRegistry, type EwpEnv } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'ewp-host-'));
const keyFile = join(dir, 'key.pem');
writeFileSync(
  keyFile,
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'pem',
    type: 'pkcs8',
  }),
);
const catalogueFile = join(dir, 'catalogue.xml');
const example = readFileSync(
  resolve(process.cwd(), '../shared/ewp/registry/v1/examples/catalogue-example.xml'),
  'utf8',
);
writeFileSync(catalogueFile, example);

const env: EwpEnv = {
  KAKEHASHI_EWP_HEI_ID: 'Univ-Grenoble-Alpes.fr',
  KAKEHASHI_EWP_PRIVATE_KEY_FILE: keyFile,
  KAKEHASHI_EWP_CATALOGUE_FILE: catalogueFile,
  KAKEHASHI_EWP_ADMIN_EMAILS: ['ewp@example.org'],
  KAKEHASHI_EWP_ADMIN_PROVIDER: 'Kakehashi',
  KAKEHASHI_EWP_MAX_IDS: 20,
};
const clock = fixedClock('2026-12-01T00:00:00Z');

describe('EWP host configuration', () => {
  it('is off without KAKEHASHI_EWP_HEI_ID', async () => {
    expect(
      await ewpHostFromEnv({ ...env, KAKEHASHI_EWP_HEI_ID: undefined }, 'http://x', clock),
    ).toBeNull();
  });

  it('reads the key and the catalogue; the HEI id in lower case', async () => {
    const host = await ewpHostFromEnv(env, 'https://ewp.example.org/', clock);
    expect(host?.heiId).toBe('univ-grenoble-alpes.fr');
    expect(host?.baseUrl).toBe('https://ewp.example.org');
    expect((await host!.registry.keys()).clients.size).toBe(1);
  });

  it('names what is missing or wrong', async () => {
    await expect(
      ewpHostFromEnv(
        { ...env, KAKEHASHI_EWP_CATALOGUE_FILE: undefined, KAKEHASHI_EWP_ADMIN_EMAILS: [] },
        'https://x',
        clock,
      ),
    ).rejects.toThrow(/KAKEHASHI_EWP_CATALOGUE_FILE, KAKEHASHI_EWP_ADMIN_EMAILS/);
    await expect(ewpHostFromEnv(env, 'http://ewp.example.org', clock)).rejects.toThrow(/https/);
    await expect(
      ewpHostFromEnv({ ...env, KAKEHASHI_EWP_PRIVATE_KEY_FILE: catalogueFile }, 'https://x', clock),
    ).rejects.toThrow(EwpConfigError);
    await expect(
      ewpHostFromEnv({ ...env, KAKEHASHI_EWP_CATALOGUE_FILE: keyFile }, 'https://x', clock),
    ).rejects.toThrow(/KAKEHASHI_EWP_CATALOGUE_FILE/);
  });

  it('reads a changed catalogue again, and keeps the last good keys when it no longer reads', async () => {
    const file = join(dir, 'changing.xml');
    writeFileSync(file, example);
    let now = new Date('2026-12-01T00:00:00Z');
    const registry = fileRegistry(file, { now: () => now });
    expect((await registry.keys()).clients.size).toBe(1);
    writeFileSync(
      file,
      '<catalogue xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1"/>',
    );
    utimesSync(file, new Date('2030-01-01'), new Date('2030-01-01'));
    now = new Date('2026-12-01T00:02:00Z');
    expect((await registry.keys()).clients.size).toBe(0);
    writeFileSync(file, '<catalogue><host>');
    utimesSync(file, new Date('2031-01-01'), new Date('2031-01-01'));
    now = new Date('2026-12-01T00:04:00Z');
    expect((await registry.keys()).clients.size).toBe(0);
  });
});
