/**
 * Importing publications from the files people already have: the file is read and checked into
 * a preview (good entries, duplicates of records held or of earlier entries, broken entries with
 * their lines) kept as an import batch; confirming applies its good entries in one transaction,
 * all or nothing, each work once. An institution's coordinators import their staff's work; only
 * the person who imported a batch reads and applies it.
 */
import { institutionRow } from '#src/db/queries/registry/institutions.ts';
import { institutionNames } from '#src/db/queries/names.ts';
import {
  batchById,
  batchesOf,
  closeBatch,
  heldRecords,
  insertBatch,
  insertPublications,
  matchableInstitutions,
  type BatchRow,
} from '#src/db/queries/research.ts';
import {
  AffiliationMatcher,
  checkEntry,
  normaliseTitle,
  parsePublications,
  RESEARCH_CODES,
  sortEntries,
  UnknownFormat,
  type ParsedPublication,
  type Preview,
  type SourceFormat,
} from '#src/domain/research/index.ts';
import { LIMIT_CODES } from '#src/domain/shared/refusal-codes.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { institutionsResource, publicationBatchResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, invalidField, notFound, tooLarge } from '../errors.ts';
import { LIMITS } from '../limits.ts';

export interface ImportInput {
  institutionId: string;
  fileName: string;
  content: string;
}

/** A batch as its importer sees it. */
export async function batchView(ctx: ServiceContext, row: BatchRow) {
  const names = await institutionNames(ctx.db, [row.institutionId]);
  return {
    id: row.id,
    institution: {
      id: row.institutionId,
      name: names.get(row.institutionId) ?? { en: row.institutionId },
    },
    fileName: row.fileName,
    sourceFormat: row.sourceFormat as SourceFormat,
    status: row.status as 'previewed' | 'applied' | 'discarded',
    added: row.added,
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt?.toISOString() ?? null,
    preview: row.preview,
  };
}

/** The entries checked against the records held, with their authors' institutions matched. */
async function previewOf(
  ctx: ServiceContext,
  content: string,
): Promise<{ format: SourceFormat; preview: Preview }> {
  let parsed;
  try {
    parsed = parsePublications(content);
  } catch (e) {
    if (e instanceof UnknownFormat)
      throw invalidField(
        'body.content',
        refusal(e.code, e.params),
        `the file cannot be read: ${e.code}`,
      );
    throw e;
  }
  const checked = parsed.entries.map(checkEntry);
  const good = checked.filter((c): c is ParsedPublication => !('code' in c));
  const held = await heldRecords(
    ctx.db,
    good.flatMap((g) => (g.doi ? [g.doi] : [])),
    good.map((g) => normaliseTitle(g.title)),
  );
  const preview = sortEntries(checked, parsed.broken, held);
  const matcher = new AffiliationMatcher(await matchableInstitutions(ctx.db));
  const match = (p: ParsedPublication): ParsedPublication => ({
    ...p,
    authors: matcher.matchAuthors(p.authors),
  });
  return {
    format: parsed.format,
    preview: {
      good: preview.good.map(match),
      duplicates: preview.duplicates.map((d) => ({ ...d, entry: match(d.entry) })),
      broken: preview.broken,
    },
  };
}

/** Reads a file into a preview kept as an import batch; nothing is added to the publications. */
export async function previewImport(
  ctx: ServiceContext,
  input: ImportInput,
  options: { invented?: boolean } = {},
) {
  const institution = await institutionRow(ctx.db, input.institutionId);
  if (!institution) throw notFound('institution', input.institutionId);
  requireAccess(ctx, 'research:import', institutionsResource([input.institutionId]), {
    doing: 'import publications',
  });
  const bytes = Buffer.byteLength(input.content, 'utf8');
  if (bytes > LIMITS.publicationFileBytes)
    throw tooLarge(refusal(LIMIT_CODES.bodyTooLarge, { limitBytes: LIMITS.publicationFileBytes }));
  const { format, preview } = await previewOf(ctx, input.content);
  const batch = await insertBatch(ctx.db, {
    institutionId: input.institutionId,
    importedBy: ctx.actor?.id ?? null,
    fileName: input.fileName.slice(0, 200) || 'publications',
    sourceFormat: format,
    preview,
    invented: options.invented ?? false,
  });
  return batchView(ctx, batch);
}

/** The batch, once the actor may read it (its importer; 404 for anyone else). */
async function ownBatch(ctx: ServiceContext, id: string) {
  const batch = await batchById(ctx.db, id);
  if (!batch) throw notFound('publication-import', id);
  const resource = publicationBatchResource(batch);
  requireAccess(ctx, 'research:batch', resource, { visibleBy: ['research:batch', resource] });
  return batch;
}

export async function getImport(ctx: ServiceContext, id: string) {
  return batchView(ctx, await ownBatch(ctx, id));
}

/** The actor's own import batches, newest first. */
export async function myImports(ctx: ServiceContext) {
  if (!ctx.actor) return { items: [] };
  const rows = await batchesOf(ctx.db, ctx.actor.id);
  const names = await institutionNames(
    ctx.db,
    rows.map((r) => r.institutionId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      institution: {
        id: r.institutionId,
        name: names.get(r.institutionId) ?? { en: r.institutionId },
      },
      fileName: r.fileName,
      sourceFormat: r.sourceFormat as SourceFormat,
      status: r.status as 'previewed' | 'applied' | 'discarded',
      added: r.added,
      createdAt: r.createdAt.toISOString(),
      appliedAt: r.appliedAt?.toISOString() ?? null,
      counts: {
        good: r.preview.good.length,
        duplicates: r.preview.duplicates.length,
        broken: r.preview.broken.length,
      },
    })),
  };
}

/**
 * Applies a previewed batch: its good entries not held by then (another import may have added
 * some since the preview) are added in one transaction with the batch's closing and the audit
 * entry; nothing is written when any step fails.
 */
export async function confirmImport(ctx: ServiceContext, id: string) {
  const batch = await ownBatch(ctx, id);
  requireAccess(ctx, 'research:import', institutionsResource([batch.institutionId]), {
    doing: 'import publications',
  });
  if (batch.status !== 'previewed')
    throw conflict(refusal(RESEARCH_CODES.batchClosed, { status: batch.status }));
  const now = ctx.clock.now();
  const added = await ctx.db.transaction(async (tx) => {
    const good = batch.preview.good;
    const held = await heldRecords(
      tx,
      good.flatMap((g) => (g.doi ? [g.doi] : [])),
      good.map((g) => normaliseTitle(g.title)),
    );
    const still = sortEntries(good, [], held).good;
    const n = await insertPublications(
      tx,
      still.map((p) => ({
        doi: p.doi,
        title: p.title,
        titleKey: normaliseTitle(p.title),
        year: p.year,
        venue: p.venue,
        type: p.type,
        authors: p.authors,
        themes: p.themes,
        sourceFormat: batch.sourceFormat,
        importedBy: ctx.actor?.id ?? null,
        batchId: batch.id,
        invented: p.invented || batch.invented,
        institutionIds: p.authors.flatMap((a) =>
          a.matchedInstitutionId ? [a.matchedInstitutionId] : [],
        ),
      })),
    );
    if (!(await closeBatch(tx, batch.id, 'applied', n, now)))
      throw conflict(refusal(RESEARCH_CODES.batchClosed, { status: 'applied' }));
    await audit(tx, ctx, {
      action: 'publication.import',
      resourceType: 'publication-import',
      resourceId: batch.id,
      details: {
        institution: batch.institutionId,
        file: batch.fileName,
        format: batch.sourceFormat,
        added: n,
        duplicates: batch.preview.duplicates.length + (good.length - n),
        broken: batch.preview.broken.length,
      },
    });
    return n;
  });
  return { ...(await getImport(ctx, id)), added };
}

/** Discards a previewed batch: nothing of it is ever added. */
export async function discardImport(ctx: ServiceContext, id: string) {
  const batch = await ownBatch(ctx, id);
  if (batch.status !== 'previewed')
    throw conflict(refusal(RESEARCH_CODES.batchClosed, { status: batch.status }));
  await ctx.db.transaction(async (tx) => {
    if (!(await closeBatch(tx, batch.id, 'discarded', 0, ctx.clock.now())))
      throw conflict(refusal(RESEARCH_CODES.batchClosed, { status: 'discarded' }));
    await audit(tx, ctx, {
      action: 'publication.import_discard',
      resourceType: 'publication-import',
      resourceId: batch.id,
      details: { file: batch.fileName },
    });
  });
  return getImport(ctx, id);
}
