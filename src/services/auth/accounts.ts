/** Accounts made outside the web app: the first administrator of a new deployment. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { users } from '#src/db/schema.ts';
import { languageSchema } from '#src/domain/shared/refusal.ts';
import { audit } from '../audit.ts';
import { conflict, fieldIssues, invalidInput } from '../errors.ts';
import { hashPassword } from './passwords.ts';

/** At least 12 characters: a passphrase, as NIST SP 800-63B advises, not composition rules. */
export const MIN_PASSWORD_LENGTH = 12;

export const administratorSchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  language: languageSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});
export type AdministratorInput = z.infer<typeof administratorSchema>;

/**
 * Creates a platform administrator. Refuses an address that already has an account (any case):
 * an existing account is never turned into an administrator this way.
 */
export async function createAdministrator(
  db: Db,
  input: AdministratorInput,
): Promise<{ id: string; email: string }> {
  const parsed = administratorSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'admin'));
  const { email, displayName, language, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    if (existing) {
      throw conflict(
        { code: 'accounts.email_taken', params: { email } },
        'the address has an account',
      );
    }
    const [row] = await tx
      .insert(users)
      .values({ email, displayName, language, passwordHash, platformAdmin: true })
      .returning({ id: users.id, email: users.email });
    await audit(
      tx,
      { actor: null },
      {
        action: 'user.create-administrator',
        resourceType: 'user',
        resourceId: row!.id,
        details: { via: 'command line' },
        // The hash is listed as set, never kept.
        after: { email, displayName, language, platformAdmin: true, passwordHash },
      },
    );
    return row!;
  });
}
