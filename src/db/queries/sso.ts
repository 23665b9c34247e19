/**
 * Single sign-on (decision 007): the identity providers and their institutions, the sign-ins sent
 * to a provider and not yet answered, the SAML assertion ids already used and the identities
 * linked to accounts.
 */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  identityProviders,
  institutions,
  ssoRequests,
  ssoSeenAssertions,
  userIdentities,
  users,
} from '../schema.ts';

export type ProviderRow = typeof identityProviders.$inferSelect;
export type ProviderValues = typeof identityProviders.$inferInsert;
export type SsoRequestRow = typeof ssoRequests.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Providers

/** Every provider with the name of its institution, by institution then provider name. */
export const providersWithInstitution = (
  db: Db,
): Promise<{ provider: ProviderRow; institutionName: string }[]> =>
  db
    .select({ provider: identityProviders, institutionName: institutions.name })
    .from(identityProviders)
    .innerJoin(institutions, eq(institutions.id, identityProviders.institutionId))
    .orderBy(asc(institutions.name), asc(identityProviders.displayName));

/** The enabled providers for the sign-in page: names only. */
export const enabledProviderNames = (
  db: Db,
): Promise<{ id: string; displayName: string; institutionName: string }[]> =>
  db
    .select({
      id: identityProviders.id,
      displayName: identityProviders.displayName,
      institutionName: institutions.name,
    })
    .from(identityProviders)
    .innerJoin(institutions, eq(institutions.id, identityProviders.institutionId))
    .where(eq(identityProviders.enabled, true))
    .orderBy(asc(institutions.name), asc(identityProviders.displayName));

/** The (registry) name of the institution a provider belongs to; null when there is none. */
export async function providerInstitutionName(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select({ name: institutions.name })
    .from(institutions)
    .where(eq(institutions.id, id));
  return row?.name ?? null;
}

export async function providerById(db: Db, id: string): Promise<ProviderRow | null> {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
  return row ?? null;
}

export async function insertProvider(db: Db, values: ProviderValues): Promise<ProviderRow> {
  const [row] = await db.insert(identityProviders).values(values).returning();
  return row!;
}

export async function updateProviderRow(
  db: Db,
  id: string,
  values: Partial<ProviderValues>,
): Promise<ProviderRow | null> {
  const [row] = await db
    .update(identityProviders)
    .set(values)
    .where(eq(identityProviders.id, id))
    .returning();
  return row ?? null;
}

/** Deletes a provider; returns it as it was, or null when there was none. */
export async function deleteProviderRow(db: Db, id: string): Promise<ProviderRow | null> {
  const [row] = await db.delete(identityProviders).where(eq(identityProviders.id, id)).returning();
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Sign-ins under way

/** Forgets the sign-ins that expired before `now`: they can no longer be answered. */
export async function forgetExpiredRequests(db: Db, now: Date): Promise<void> {
  await db.delete(ssoRequests).where(lt(ssoRequests.expiresAt, now));
}

export async function insertSsoRequest(
  db: Db,
  values: typeof ssoRequests.$inferInsert,
): Promise<void> {
  await db.insert(ssoRequests).values(values);
}

/** Takes (deletes and returns) the sign-in `id` when it has not expired at `now`. */
export async function takeLiveRequest(
  db: Db,
  id: string,
  now: Date,
): Promise<SsoRequestRow | null> {
  const [row] = await db
    .delete(ssoRequests)
    .where(and(eq(ssoRequests.id, id), gt(ssoRequests.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** The sign-in `id` sent to `providerId`, expired or not. */
export async function requestOfProvider(
  db: Db,
  id: string,
  providerId: string,
): Promise<SsoRequestRow | null> {
  const [row] = await db
    .select()
    .from(ssoRequests)
    .where(and(eq(ssoRequests.id, id), eq(ssoRequests.providerId, providerId)));
  return row ?? null;
}

/** Deletes the sign-in `id` sent to `providerId`; returns it, or null when there was none. */
export async function removeRequestOfProvider(
  db: Db,
  id: string,
  providerId: string,
): Promise<SsoRequestRow | null> {
  const [row] = await db
    .delete(ssoRequests)
    .where(and(eq(ssoRequests.id, id), eq(ssoRequests.providerId, providerId)))
    .returning();
  return row ?? null;
}

/** The provider a sign-in was sent to, whichever it is; null when the request is unknown. */
export async function requestProvider(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select({ providerId: ssoRequests.providerId })
    .from(ssoRequests)
    .where(eq(ssoRequests.id, id));
  return row?.providerId ?? null;
}

export async function deleteSsoRequest(db: Db, id: string): Promise<void> {
  await db.delete(ssoRequests).where(eq(ssoRequests.id, id));
}

// ---------------------------------------------------------------------------------------------
// SAML assertions already used

export async function forgetExpiredAssertions(db: Db, now: Date): Promise<void> {
  await db.delete(ssoSeenAssertions).where(lt(ssoSeenAssertions.expiresAt, now));
}

/** Records an assertion id; false when it was already recorded (a replay). */
export async function rememberAssertion(
  db: Db,
  values: { providerId: string; assertionId: string; expiresAt: Date },
): Promise<boolean> {
  const fresh = await db.insert(ssoSeenAssertions).values(values).onConflictDoNothing().returning();
  return fresh.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Identities and accounts

export interface AccountState {
  id: string;
  disabled: boolean;
}

/** The account an identity of `providerId` is linked to. */
export async function linkedAccount(
  db: Db,
  providerId: string,
  subject: string,
): Promise<AccountState | null> {
  const [row] = await db
    .select({ id: users.id, disabled: users.disabled })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.providerId, providerId), eq(userIdentities.subject, subject)));
  return row ?? null;
}

/** The account of an address the provider gave, compared without case. */
export async function accountOfAddress(db: Db, email: string): Promise<AccountState | null> {
  const [row] = await db
    .select({ id: users.id, disabled: users.disabled })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

/** Links an identity to an account; false when it was linked already. */
export async function insertIdentity(
  db: Db,
  values: { providerId: string; subject: string; userId: string; linkedAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(userIdentities)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: userIdentities.id });
  return inserted.length > 0;
}
