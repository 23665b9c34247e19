/**
 * Reading publications: bibliographic data, public. The list with its search and filters, one
 * publication, and the counts per year and per theme computed from the records.
 */
import { institutionNames } from '#src/db/queries/names.ts';
import {
  listPublications,
  publicationById,
  publicationCounts,
  publicationFacets,
  type Publication,
  type PublicationFilter,
} from '#src/db/queries/research.ts';
import { platformResource, requireAccess } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';

/** Publications with the names of their matched institutions (people see names, not ids). */
async function named(ctx: ServiceContext, items: Publication[]) {
  const names = await institutionNames(
    ctx.db,
    items.flatMap((p) => p.institutionIds),
  );
  const nameOf = (id: string) => names.get(id) ?? { en: id };
  return items.map((p) => ({
    ...p,
    authors: p.authors.map((a) => ({
      name: a.name,
      orcid: a.orcid ?? null,
      affiliation: a.affiliation ?? null,
      institution: a.matchedInstitutionId
        ? { id: a.matchedInstitutionId, name: nameOf(a.matchedInstitutionId) }
        : null,
    })),
    institutions: p.institutionIds.map((id) => ({ id, name: nameOf(id) })),
  }));
}

export async function searchPublications(ctx: ServiceContext, filter: PublicationFilter) {
  requireAccess(ctx, 'research:read', platformResource('publication'));
  const { total, items } = await listPublications(ctx.db, filter);
  const facets = await publicationFacets(ctx.db);
  return {
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    items: await named(ctx, items),
    facets,
    may: { import: mayImport(ctx) },
  };
}

/** Whether the actor coordinates some institution (or administers): the import page is theirs. */
export function mayImport(ctx: ServiceContext): boolean {
  const actor = ctx.actor;
  if (!actor) return false;
  return actor.platformAdmin || actor.roles.some((r) => r.role === 'coordinator');
}

export async function getPublication(ctx: ServiceContext, id: string) {
  requireAccess(ctx, 'research:read', platformResource('publication', id));
  const p = await publicationById(ctx.db, id);
  if (!p) throw notFound('publication', id);
  return (await named(ctx, [p]))[0]!;
}

/** Counts per year and per theme of the institutions' publications and co-publications. */
export async function countPublications(
  ctx: ServiceContext,
  scope: { institutionIds: string[]; fromYear?: number; toYear?: number },
) {
  requireAccess(ctx, 'research:read', platformResource('publication'));
  return publicationCounts(ctx.db, scope);
}

export { named as namedPublications };
