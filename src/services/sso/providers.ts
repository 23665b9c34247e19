/** The identity providers institutions sign in with, managed by a platform administrator. */
import type { Db } from '#src/db/client.ts';
import type { SsoAttributeMapping } from '#src/db/schema.ts';
import {
  deleteProviderRow,
  enabledProviderNames,
  insertProvider,
  providerById,
  providerInstitutionName,
  providersWithInstitution,
  updateProviderRow,
  type ProviderRow,
} from '#src/db/queries/sso.ts';
import { platformResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';

export type { ProviderRow } from '#src/db/queries/sso.ts';

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
  requireAccess(ctx, 'account:manage', platformResource('identity-provider'), {
    doing: 'manage identity providers',
  });
  const rows = await providersWithInstitution(ctx.db);
  return rows.map((r) => view(r.provider, r.institutionName));
}

/** The enabled providers for the sign-in page: names only. */
export function listEnabledProviders(
  db: Db,
): Promise<{ id: string; displayName: string; institutionName: string }[]> {
  return enabledProviderNames(db);
}

async function institutionName(db: Db, id: string): Promise<string> {
  const name = await providerInstitutionName(db, id);
  if (name === null) throw notFound('institution', id);
  return name;
}

export async function createProvider(
  ctx: ServiceContext,
  input: ProviderInput,
): Promise<ProviderView> {
  requireAccess(ctx, 'account:manage', platformResource('identity-provider'), {
    doing: 'manage identity providers',
  });
  const name = await institutionName(ctx.db, input.institutionId);
  return ctx.db.transaction(async (tx) => {
    const row = await insertProvider(tx, input);
    await audit(tx, ctx, {
      action: 'sso.provider-create',
      resourceType: 'identity-provider',
      resourceId: row.id,
      after: { ...input },
    });
    return view(row, name);
  });
}

export async function updateProvider(
  ctx: ServiceContext,
  id: string,
  input: ProviderInput,
): Promise<ProviderView> {
  requireAccess(ctx, 'account:manage', platformResource('identity-provider'), {
    doing: 'manage identity providers',
  });
  const name = await institutionName(ctx.db, input.institutionId);
  return ctx.db.transaction(async (tx) => {
    const before = await providerById(tx, id);
    if (!before) throw notFound('identity-provider', id);
    // An absent secret keeps the one stored: the administrator never sees it again.
    const values = {
      ...input,
      oidcClientSecret: input.oidcClientSecret ?? before.oidcClientSecret,
    };
    const row = await updateProviderRow(tx, id, values);
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
  requireAccess(ctx, 'account:manage', platformResource('identity-provider'), {
    doing: 'manage identity providers',
  });
  await ctx.db.transaction(async (tx) => {
    const before = await deleteProviderRow(tx, id);
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
  const row = await providerById(db, id);
  return row && row.enabled ? row : null;
}
