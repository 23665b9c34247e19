/** Pending sign-ups of students, and what their confirmation creates. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { pendingSignUps, roleAssignments, studentProfiles, users } from '#src/db/schema.ts';

export type PendingSignUpRow = typeof pendingSignUps.$inferSelect;

export async function insertPendingSignUp(
  db: Db,
  row: Omit<typeof pendingSignUps.$inferInsert, 'id'>,
): Promise<string> {
  const [created] = await db
    .insert(pendingSignUps)
    .values(row)
    .returning({ id: pendingSignUps.id });
  return created!.id;
}

/** The sign-up of a token's hash, locked for the transaction when `lock`. */
export async function pendingSignUpByTokenHash(db: Db, tokenHash: string, lock = false) {
  const query = db.select().from(pendingSignUps).where(eq(pendingSignUps.tokenHash, tokenHash));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Marks the sign-up used by `userId`; false when it was used meanwhile. */
export async function markSignUpUsed(
  db: Db,
  id: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const marked = await db
    .update(pendingSignUps)
    .set({ usedAt: at, userId })
    .where(and(eq(pendingSignUps.id, id), isNull(pendingSignUps.usedAt)))
    .returning({ id: pendingSignUps.id });
  return marked.length > 0;
}

/**
 * A student account of `homeId`: the user, the student role in their own scope, and a profile at
 * the home university (level and enrolment for the student to complete; grade and residence status
 * for the university to record).
 */
export async function insertStudentAccount(
  db: Db,
  input: {
    email: string;
    displayName: string;
    language: string;
    passwordHash: string;
    homeId: string;
    at: Date;
  },
): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({
      email: input.email,
      displayName: input.displayName,
      language: input.language,
      passwordHash: input.passwordHash,
      createdAt: input.at,
    })
    .returning({ id: users.id });
  await grantStudent(db, user!.id, input.homeId);
  return user!.id;
}

/** The student role (scope `self`) and, when there is none, a profile at `homeId`. */
export async function grantStudent(db: Db, userId: string, homeId: string): Promise<void> {
  await db
    .insert(roleAssignments)
    .values({ userId, role: 'student', scopeType: 'self', scopeId: userId })
    .onConflictDoNothing();
  await db
    .insert(studentProfiles)
    .values({ userId, homeId, level: 'bachelor', enrolmentStatus: 'enrolled' })
    .onConflictDoNothing();
}
