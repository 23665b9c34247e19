import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parseCatalogue, type CatalogueKeys } from '#src/interop/ewp/security/catalogue.ts';
import type { Clock } from '#src/services/clock.ts';

/**
 * A deployment that serves the EWP APIs: its own institution (one HEI per host, by SCHAC code),
 * the https origin partners reach, the key its responses are signed with, and the registry
 * catalogue that says which partner keys exist and which institutions they speak for.
 */
export interface EwpHostConfig {
  heiId: string;
  /** `https://ewp.example.ac.jp`: the manifest's URLs, and the Host requests must be signed for. */
  baseUrl: string;
  privateKey: KeyObject;
  adminEmails: string[];
  adminProvider: string;
  /** The `max-*-ids` of the manifest (the get endpoints refuse more). */
  maxIds: number;
  registry: ClientRegistry;
}

export interface ClientRegistry {
  keys(): Promise<CatalogueKeys>;
}

/** A registry given once (tests, or a catalogue held in memory). */
export const staticRegistry = (keys: CatalogueKeys): ClientRegistry => ({
  keys: async () => keys,
});

/**
 * The catalogue file kept up to date by the operator (a copy of the network's catalogue-v1.xml,
 * or a private one): read again when it changed, at most once a minute. A file that no longer
 * reads keeps the last good keys.
 */
export function fileRegistry(path: string, clock: Clock): ClientRegistry {
  let cached: { keys: CatalogueKeys; mtimeMs: number; checkedAt: number } | null = null;
  return {
    async keys() {
      const now = clock.now().getTime();
      if (cached && now - cached.checkedAt < 60_000) return cached.keys;
      try {
        const { mtimeMs } = await stat(path);
        if (!cached || cached.mtimeMs !== mtimeMs) {
          cached = { keys: parseCatalogue(await readFile(path, 'utf8')), mtimeMs, checkedAt: now };
        }
      } catch (error) {
        // Missing for a moment or half written: the last good keys stay in use.
        if (!cached) throw error;
      }
      cached.checkedAt = now;
      return cached.keys;
    },
  };
}

export class EwpConfigError extends Error {}

/** The environment's EWP keys, already checked by the environment schema. */
export interface EwpEnv {
  KAKEHASHI_EWP_HEI_ID?: string | undefined;
  KAKEHASHI_EWP_PRIVATE_KEY_FILE?: string | undefined;
  KAKEHASHI_EWP_CATALOGUE_FILE?: string | undefined;
  KAKEHASHI_EWP_ADMIN_EMAILS: string[];
  KAKEHASHI_EWP_ADMIN_PROVIDER: string;
  KAKEHASHI_EWP_MAX_IDS: number;
}

/**
 * The EWP host of a deployment, or null when KAKEHASHI_EWP_HEI_ID is unset (the default: the
 * routes then answer 404). Every other key is then required, and the public URL must be https.
 */
export async function ewpHostFromEnv(
  env: EwpEnv,
  publicUrl: string,
  clock: Clock,
): Promise<EwpHostConfig | null> {
  if (!env.KAKEHASHI_EWP_HEI_ID) return null;
  const missing = (
    [
      ['KAKEHASHI_EWP_PRIVATE_KEY_FILE', env.KAKEHASHI_EWP_PRIVATE_KEY_FILE],
      ['KAKEHASHI_EWP_CATALOGUE_FILE', env.KAKEHASHI_EWP_CATALOGUE_FILE],
      ['KAKEHASHI_EWP_ADMIN_EMAILS', env.KAKEHASHI_EWP_ADMIN_EMAILS.join(',')],
    ] as const
  ).filter(([, v]) => !v);
  if (missing.length > 0) {
    throw new EwpConfigError(
      `KAKEHASHI_EWP_HEI_ID is set: also set ${missing.map(([k]) => k).join(', ')}`,
    );
  }
  if (!publicUrl.startsWith('https://')) {
    throw new EwpConfigError('an EWP host needs KAKEHASHI_PUBLIC_URL to be an https:// address');
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(env.KAKEHASHI_EWP_PRIVATE_KEY_FILE!, 'utf8'));
  } catch (error) {
    throw new EwpConfigError(
      `KAKEHASHI_EWP_PRIVATE_KEY_FILE: not a readable PEM private key (${(error as Error).message})`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new EwpConfigError('KAKEHASHI_EWP_PRIVATE_KEY_FILE: EWP signatures need an RSA key');
  }
  const registry = fileRegistry(env.KAKEHASHI_EWP_CATALOGUE_FILE!, clock);
  // Read once now, so that a wrong file stops the start instead of every partner's request.
  try {
    await registry.keys();
  } catch (error) {
    throw new EwpConfigError(`KAKEHASHI_EWP_CATALOGUE_FILE: ${(error as Error).message}`);
  }
  return {
    heiId: env.KAKEHASHI_EWP_HEI_ID.trim().toLowerCase(),
    baseUrl: publicUrl.replace(/\/+$/, ''),
    privateKey,
    adminEmails: env.KAKEHASHI_EWP_ADMIN_EMAILS,
    adminProvider: env.KAKEHASHI_EWP_ADMIN_PROVIDER,
    maxIds: env.KAKEHASHI_EWP_MAX_IDS,
    registry,
  };
}
