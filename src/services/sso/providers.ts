/** The identity providers institutions sign in with, managed by a platform administrator. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { identityProviders, institutions, type SsoAttributeMapping } from '#src/db/schema.ts';
import { requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';

export type ProviderRow = typeof identityProviders.$inferSelect;

export interface ProviderInput {
  institutionId: string;
  kind: 'oidc' | 'saml';
  displayName: string;
  oidcIssuer?: string | null;
  oidcClientId?: string | null;
  oidcClientSecret?: string | null;
  samlEntityId?: string | null;
  samlSsoUrl?: string | null;
  samlCertificate?: string | null;
  attributeMapping?: SsoAttributeMapping;
  enabled?: boolean;
}

/** What an administrator sees of a provider: everything but the client secret. */
export interface ProviderView {
  id: string;
  institutionId: string;
  institutionName: string;
  kind: 'oidc' | 'saml';
  displayName: string;
  oidcIssuer: string | null;
  oidcClientId: string | null;
  hasClientSecret: boolean;
  samlEntityId: string | null;
  samlSsoUrl: string | null;
  samlCertificate: string | null;
  attributeMapping: SsoAttributeMapping;
  enabled: boolean;
}

const RESOURCE = { type: 'identity-provider' } as const;

function view(row: ProviderRow, institutionName: string): ProviderView {
  const { oidcClientSecret, createdAt: _createdAt, ...rest } = row;
  return {
    ...rest,
    kind: row.kind === 'saml' ? 'saml' : 'oidc',
    institutionName,
    hasClientSecret: Boolean(oidcClientSecret),
  };
}

export async function listProviders(ctx: ServiceContext): Promise<ProviderView[]> {
  requireAccess(ctx, 'account:manage', RESOURCE, { doing: 'manage identity providers' });
  const rows = await ctx.db
    .select({ p: identityProviders, name: institutions.name })
    .from(identityProviders)
    .innerJoin(institutions, eq(institutions.id, identityProviders.institutionId))
    .orderBy(asc(institutions.name), asc(identityProviders.displayName));
  return rows.map((r) => view(r.p, r.name));
}

/** The enabled providers for the sign-in page: names only. */
export async function listEnabledProviders(
  db: Db,
): Promise<{ id: string; displayName: string; institutionName: string }[]> {
  return db
    .select({
      id: identityProviders.id,
      displayName: identityProviders.displayName,
      institutionName: institutions.name,
    })
    .from(identityProviders)
    .innerJoin(institutions, eq(institutions.id, identityProviders.institutionId))
    .where(eq(identityProviders.enabled, true))
    .orderBy(asc(institutions.name), asc(identityProviders.displayName));
}

async function institutionName(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ name: institutions.name })
    .from(institutions)
    .where(eq(institutions.id, id));
  if (!row) throw notFound('institution', id);
  return row.name;
}

export async function createProvider(
  ctx: ServiceContext,
  input: ProviderInput,
): Promise<ProviderView> {
  requireAccess(ctx, 'account:manage', RESOURCE, { doing: 'manage identity providers' });
  const name = await institutionName(ctx.db, input.institutionId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(identityProviders).values(input).returning();
    await audit(tx, ctx, {
      action: 'sso.provider-create',
      resourceType: 'identity-provider',
      resourceId: row!.id,
      after: { ...input },
    });
    return view(row!, name);
  });
}

export async function updateProvider(
  ctx: ServiceContext,
  id: string,
  input: ProviderInput,
): Promise<ProviderView> {
  requireAccess(ctx, 'account:manage', RESOURCE, { doing: 'manage identity providers' });
  const name = await institutionName(ctx.db, input.institutionId);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(identityProviders).where(eq(identityProviders.id, id));
    if (!before) throw notFound('identity-provider', id);
    // An absent secret keeps the one stored: the administrator never sees it again.
    const values = {
      ...input,
      oidcClientSecret: input.oidcClientSecret ?? before.oidcClientSecret,
    };
    const [row] = await tx
      .update(identityProviders)
      .set(values)
      .where(eq(identityProviders.id, id))
      .returning();
    const { createdAt: _c, ...rest } = before;
    await audit(tx, ctx, {
      action: 'sso.provider-update',
      resourceType: 'identity-provider',
      resourceId: id,
      before: rest,
      after: values,
    });
    return view(row!, name);
  });
}

export async function deleteProvider(ctx: ServiceContext, id: string): Promise<void> {
  requireAccess(ctx, 'account:manage', RESOURCE, { doing: 'manage identity providers' });
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(identityProviders)
      .where(eq(identityProviders.id, id))
      .returning();
    if (!before) throw notFound('identity-provider', id);
    const { createdAt: _c, ...rest } = before;
    await audit(tx, ctx, {
      action: 'sso.provider-delete',
      resourceType: 'identity-provider',
      resourceId: id,
      before: rest,
    });
  });
}

/** An enabled provider, for a sign-in; null when unknown or disabled. */
export async function enabledProvider(db: Db, id: string): Promise<ProviderRow | null> {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
  return row && row.enabled ? row : null;
}
