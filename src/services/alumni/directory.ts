/**
 * The alumni directory of an association: every entry shows only the fields its holder consented
 * to show to an audience the reader belongs to (the holder sees all of their own), and a search
 * matches only on what the entry shows — a hidden field can neither be read nor found. Consent
 * is read at every request: a withdrawal hides the field at once.
 */
import {
  associationById,
  consortiaOfInstitutions,
  countriesOf,
  officersOf,
  readerAffiliation,
  recordsOf,
} from '#src/db/queries/alumni.ts';
import { institutionNames } from '#src/db/queries/names.ts';
import {
  ANONYMOUS_READER,
  audiencesOf,
  directoryEntry,
  matchesSearch,
  visibleFields,
  type DirectoryEntry,
} from '#src/domain/alumni/index.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import { todayOf } from '../clock.ts';
import { alumniAssociationResource, requireAccess } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { DirectoryItem } from './types.ts';

/** At most this many entries in one answer (the directory of one university's alumni). */
const MAX_ENTRIES = 200;

export async function directory(
  ctx: ServiceContext,
  id: string,
  query: string | undefined,
): Promise<{ items: DirectoryItem[]; total: number; alumni: number }> {
  const association = await associationById(ctx.db, id);
  if (!association) throw notFound('alumni-association', id);
  const officers = await officersOf(ctx.db, id);
  requireAccess(
    ctx,
    'alumni:read',
    alumniAssociationResource(
      association,
      officers.map((o) => o.userId),
    ),
  );
  const today = todayOf(ctx);
  const records = await recordsOf(ctx.db, id);
  const reader = ctx.actor
    ? await readerAffiliation(ctx.db, ctx.actor.id, today)
    : ANONYMOUS_READER;
  const insts = [...new Set(records.flatMap((r) => [r.homeId, r.hostId]))];
  const consortia = await consortiaOfInstitutions(ctx.db, insts, today);
  const countries = await countriesOf(ctx.db, insts);
  const names = await institutionNames(ctx.db, insts);
  const nameOf = (i: string): LocalizedText => names.get(i) ?? { en: i };
  // The universities' names in every language are searchable, but only where the entry shows them.
  const labels = (e: DirectoryEntry) =>
    [e.homeId, e.hostId].flatMap((i) => (i ? Object.values(nameOf(i)) : []));

  const entries: { entry: DirectoryEntry; mine: boolean }[] = [];
  for (const r of records) {
    const partner = r.direction === 'outgoing' ? r.hostId : r.homeId;
    const audiences = audiencesOf(reader, r, {
      consortiumIds: [...(consortia.get(r.homeId) ?? []), ...(consortia.get(r.hostId) ?? [])],
      partnerCountry: countries.get(partner) ?? null,
    });
    const entry = directoryEntry(r, visibleFields(r, reader.userId, audiences));
    if (!entry || !matchesSearch(entry, query ?? '', labels)) continue;
    entries.push({ entry, mine: r.userId != null && r.userId === reader.userId });
  }
  const items = entries.slice(0, MAX_ENTRIES).map(({ entry, mine }): DirectoryItem => {
    const { homeId, hostId, ...rest } = entry;
    return {
      ...rest,
      mine,
      ...(homeId ? { home: { id: homeId, name: nameOf(homeId) } } : {}),
      ...(hostId ? { host: { id: hostId, name: nameOf(hostId) } } : {}),
    };
  });
  return { items, total: entries.length, alumni: records.length };
}
