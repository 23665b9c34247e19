import { count } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  consortia,
  consortiumMembers,
  groupingMembers,
  groupings,
  institutions,
  programs,
  roleAssignments,
  users,
} from '../schema.ts';
import {
  DEMO_CONSORTIA,
  DEMO_DISTRICTS,
  DEMO_INSTITUTIONS,
  DEMO_PROGRAMS,
  DEMO_USERS,
} from './demo-world.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(institutions);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Loads the demo world in one transaction: all of it or nothing. `passwordHash` is the argon2id
 * hash of the demo password, shared by every demo account.
 */
export async function seedDemo(db: Db, passwordHash: string): Promise<{ users: string[] }> {
  await db.transaction(async (tx) => {
    await tx.insert(institutions).values(DEMO_INSTITUTIONS);
    await tx.insert(groupings).values(
      DEMO_DISTRICTS.map(({ members: _m, ...g }) => ({
        ...g,
        kind: 'district',
        description: 'Seed 000: tri-district higher education exchange model',
      })),
    );
    await tx
      .insert(groupingMembers)
      .values(
        DEMO_DISTRICTS.flatMap((g) =>
          g.members.map((institutionId) => ({ groupingId: g.id, institutionId })),
        ),
      );
    await tx.insert(consortia).values(DEMO_CONSORTIA.map(({ members: _m, ...c }) => c));
    await tx
      .insert(consortiumMembers)
      .values(
        DEMO_CONSORTIA.flatMap((c) =>
          c.members.map((m) => ({ consortiumId: c.id, institutionId: m.id, joinedOn: m.joinedOn })),
        ),
      );
    await tx.insert(programs).values(DEMO_PROGRAMS);
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          email: u.email,
          displayName: u.displayName,
          passwordHash,
          invented: true,
          platformAdmin: u.platformAdmin ?? false,
        })
        .returning({ id: users.id });
      if (!row) throw new Error(`could not create ${u.email}`);
      if (u.roles.length) {
        await tx.insert(roleAssignments).values(
          u.roles.map((r) => ({
            userId: row.id,
            role: r.role,
            scopeType: r.scopeType,
            scopeId: r.scopeId === 'self' ? row.id : r.scopeId,
          })),
        );
      }
    }
  });
  return { users: DEMO_USERS.map((u) => u.email) };
}
