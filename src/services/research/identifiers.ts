/**
 * Persistent identifiers: looking any of them up (ROR id, SCHAC code, Erasmus code or PIC → the
 * institution; ORCID iD → the person, for those who may see them, and their publications; DOI →
 * the publication), and a person's own ORCID iD.
 */
import { personNames } from '#src/db/queries/names.ts';
import {
  institutionByIdentifier,
  listPublications,
  orcidHolder,
  publicationByDoi,
  saveUserOrcid,
  userByOrcid,
  userOrcid,
} from '#src/db/queries/research.ts';
import { classifyIdentifier, parseOrcid } from '#src/domain/registry/identifiers.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { can, platformResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, invalidField, notFound } from '../errors.ts';
import { namedPublications } from './publications.ts';

const unknown = (value: string) =>
  new AppError('not_found', `nothing holds the identifier "${value}"`, {
    resource: 'identifier',
    id: value,
    refusals: [refusal('registry.identifier_unknown', { value })],
  });

/** What an identifier names, as far as the reader may see it. */
export async function lookupIdentifier(ctx: ServiceContext, raw: string) {
  const found = classifyIdentifier(raw);
  if (!found)
    throw invalidField(
      'params.value',
      refusal('registry.identifier_unknown', { value: raw }),
      'not a ROR id, SCHAC code, Erasmus code, PIC, ORCID iD or DOI',
    );
  const { kind, value } = found;
  if (kind === 'doi') {
    requireAccess(ctx, 'research:read', platformResource('publication'));
    const p = await publicationByDoi(ctx.db, value);
    if (!p) throw unknown(value);
    return { kind, value, publication: (await namedPublications(ctx, [p]))[0]! };
  }
  if (kind === 'orcid') {
    const holder = await userByOrcid(ctx.db, value);
    // A person is shown to themself and to those who manage accounts; their publications to all.
    const visible =
      holder &&
      !holder.disabled &&
      (ctx.actor?.id === holder.id || can(ctx.actor, 'account:manage', platformResource('person')));
    const names = visible ? await personNames(ctx.db, [holder.id]) : new Map();
    const pubs = await listPublications(ctx.db, { q: value, page: 1, pageSize: 50 });
    const authored = pubs.items.filter((p) => p.authors.some((a) => a.orcid === value));
    if (!visible && authored.length === 0) throw unknown(value);
    return {
      kind,
      value,
      person: visible ? { id: holder.id, name: names.get(holder.id) ?? {} } : null,
      publications: await namedPublications(ctx, authored),
    };
  }
  requireAccess(ctx, 'registry:read', platformResource('institution'));
  const institution = await institutionByIdentifier(ctx.db, kind, value);
  if (!institution) throw unknown(value);
  return {
    kind,
    value,
    institution: { id: institution.id, name: institution.name, names: institution.names },
  };
}

/** The signed-in person's own ORCID iD. */
export async function myOrcid(ctx: ServiceContext) {
  if (!ctx.actor) throw notFound('account', 'me');
  return { orcid: await userOrcid(ctx.db, ctx.actor.id) };
}

/**
 * Sets (or clears, with null or '') a person's ORCID iD: their own, or anyone's for those who
 * manage accounts. An invalid iD is refused naming the field; one another person holds, as taken.
 */
export async function setOrcid(ctx: ServiceContext, userId: string, input: string | null) {
  if (ctx.actor?.id !== userId)
    requireAccess(ctx, 'account:manage', platformResource('person', userId), {
      visibleBy: ['account:manage', platformResource('person', userId)],
    });
  let orcid: string | null = null;
  if (input && input.trim()) {
    orcid = parseOrcid(input);
    if (!orcid)
      throw invalidField(
        'body.orcid',
        refusal('registry.orcid_invalid', { value: input }),
        'not an ORCID iD: 16 digits in four groups, the last a check character',
      );
    if (await orcidHolder(ctx.db, orcid, userId))
      throw conflict(
        refusal('registry.identifier_taken', { value: orcid }, { field: 'body.orcid' }),
      );
  }
  const before = await userOrcid(ctx.db, userId);
  await ctx.db.transaction(async (tx) => {
    await saveUserOrcid(tx, userId, orcid);
    await audit(tx, ctx, {
      action: 'person.orcid',
      resourceType: 'user',
      resourceId: userId,
      before: { orcid: before },
      after: { orcid },
    });
  });
  return { orcid };
}
