/**
 * The agreements an institution is party to on a date: those it signed itself, and those of the
 * consortia and associations it is a member of on that date (003 §2(1), §5(2): a consortium signs
 * for its members). Each one says which membership makes the institution a party.
 */
import { membershipsOfInForce } from '#src/db/queries/memberships.ts';
import { consortiumRow } from '#src/db/queries/registry/institutions.ts';
import { institutionsResource, requireAccess } from '../access.ts';
import { listAgreements } from '../agreements/agreements.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { getInstitution } from './queries.ts';

export interface ThroughConsortium {
  id: string;
  name: string;
  names: NonNullable<Awaited<ReturnType<typeof consortiumRow>>>['names'];
}

/** The institution's agreements on today's date, directly first, then through each consortium. */
export async function institutionAgreements(ctx: ServiceContext, institutionId: string) {
  requireAccess(ctx, 'registry:read', institutionsResource([institutionId]));
  await getInstitution(ctx.db, institutionId); // 404 for an unknown institution
  const memberships = await membershipsOfInForce(ctx.db, [institutionId], todayOf(ctx));
  const seen = new Set<string>();
  const items = [];
  for (const agreement of (await listAgreements(ctx, { party: institutionId })).items) {
    seen.add(agreement.id);
    items.push({ ...agreement, through: null as ThroughConsortium | null });
  }
  const consortia = [...new Set(memberships.map((m) => m.consortiumId))].sort();
  for (const consortiumId of consortia) {
    const row = await consortiumRow(ctx.db, consortiumId);
    if (!row) continue;
    const through = { id: row.id, name: row.name, names: row.names };
    for (const agreement of (await listAgreements(ctx, { party: consortiumId })).items) {
      if (seen.has(agreement.id)) continue;
      seen.add(agreement.id);
      items.push({ ...agreement, through });
    }
  }
  return { items };
}
