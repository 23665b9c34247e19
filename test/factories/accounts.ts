import type { FastifyInstance } from 'fastify';
import type { Db } from '#src/db/client.ts';
import { roleAssignments, users } from '#src/db/schema.ts';
import { ROLE_SCOPE, type Role, type ScopeType } from '#src/domain/access/policy.ts';
import type { Language } from '#src/domain/shared/refusal.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { sessionCookie, type Session } from '#test/support/app.ts';
import { next } from './sequence.ts';

/** Every factory account has this password (hashed once per test file). */
export const FACTORY_PASSWORD = 'factory-test-password';
let passwordHash: Promise<string> | undefined;

/** A role held by a user; `scopeType` follows the role (ROLE_SCOPE) unless given. */
export interface RoleInput {
  role: Role;
  /** the program, consortium, institution, call or association id; `self` for a student */
  scopeId: string | { id: string };
  scopeType?: ScopeType;
}

export interface UserInput {
  email?: string;
  displayName?: string;
  language?: Language;
  roles?: readonly RoleInput[];
  platformAdmin?: boolean;
  disabled?: boolean;
  /** marks the person as invented, as demo people are */
  invented?: boolean;
}

export interface FactoryUser {
  id: string;
  email: string;
  displayName: string;
  language: Language;
}

/** A person who can sign in (FACTORY_PASSWORD), holding the given roles. */
export async function aUser(db: Db, input: UserInput = {}): Promise<FactoryUser> {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const n = next();
  const email = input.email ?? `user-${n}@factory.kakehashi.test`;
  const displayName = input.displayName ?? `Test person ${n}`;
  const language = input.language ?? 'en';
  const [row] = await db
    .insert(users)
    .values({
      email,
      displayName,
      language,
      names: { latin: displayName },
      passwordHash: await passwordHash,
      platformAdmin: input.platformAdmin ?? false,
      disabled: input.disabled ?? false,
      invented: input.invented ?? false,
    })
    .returning({ id: users.id });
  if (!row) throw new Error(`could not create ${email}`);
  const roles = input.roles ?? [];
  if (roles.length > 0) {
    await db.insert(roleAssignments).values(
      roles.map((r) => {
        const scopeId = typeof r.scopeId === 'string' ? r.scopeId : r.scopeId.id;
        return {
          userId: row.id,
          role: r.role,
          scopeType: r.scopeType ?? ROLE_SCOPE[r.role],
          scopeId: scopeId === 'self' ? row.id : scopeId,
        };
      }),
    );
  }
  return { id: row.id, email, displayName, language };
}

/** A platform administrator. */
export const anAdmin = (db: Db, input: Omit<UserInput, 'platformAdmin'> = {}) =>
  aUser(db, { ...input, platformAdmin: true });

/** A student (the `student` role in their own scope); see aStudentProfile for the portal profile. */
export const aStudentUser = (db: Db, input: UserInput = {}) =>
  aUser(db, { ...input, roles: [{ role: 'student', scopeId: 'self' }, ...(input.roles ?? [])] });

/**
 * Signs `user` in through the sign-in route, as a browser would, and returns the cookie and the
 * CSRF token for `inject()`. Each sign-in comes from an address of its own, so a test that signs
 * many people in does not meet the per-address sign-in limit (hardening tests check that limit).
 */
export async function signedInAs(
  app: FastifyInstance,
  user: { email: string },
  password: string = FACTORY_PASSWORD,
): Promise<Session> {
  const n = next();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: user.email, password },
    remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${user.email} failed: ${res.body}`);
  return { cookie: sessionCookie(res), csrfToken: res.json().csrfToken };
}

/** Headers of a signed-in request: the cookie, and the CSRF token that writes need. */
export const asHeaders = (session: Session): Record<string, string> => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
});
