import { hash, verify } from '@node-rs/argon2';
import { normalizePassword } from '#src/domain/access/passwords.ts';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * The stored "hash" of an account that has no password yet (an administrator who sets it through
 * a one-time link): no password verifies against it.
 */
export const UNUSABLE_PASSWORD = '!';

/** The hash of a password, NFKC-normalised first (NIST SP 800-63B §5.1.1.2). */
export const hashPassword = (password: string): Promise<string> =>
  hash(normalizePassword(password), OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith('$argon2')) {
    // Same work as a real check, so an account without a password does not answer faster.
    await verifyPassword(await dummyPasswordHash(), password);
    return false;
  }
  try {
    const normalized = normalizePassword(password);
    if (await verify(passwordHash, normalized)) return true;
    // A password set before normalisation, typed the same way as then.
    return normalized !== password && (await verify(passwordHash, password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the account does not exist, so both cases take the same time. */
export const dummyPasswordHash = (): Promise<string> =>
  (dummyHash ??= hashPassword('not-a-real-password-' + Math.random()));
