/**
 * The demo world's publications: an invented BibTeX file of Tsukuba–Grenoble co-publications
 * (004 names the partnership and its themes; every entry is invented, DOIs on the 10.5555 test
 * prefix), imported by Tsukuba's demo coordinator through the import's own steps: read, checked,
 * matched to the registry, kept as a batch, then applied. The real ROR ids of the three
 * institutions whose check digits were verified are filled in.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { institutions, users } from '../schema.ts';
import {
  closeBatch,
  heldRecords,
  insertBatch,
  insertPublications,
  matchableInstitutions,
} from '../queries/research.ts';
import {
  AffiliationMatcher,
  checkEntry,
  normaliseTitle,
  parsePublications,
  sortEntries,
  type ParsedPublication,
} from '../../domain/research/index.ts';

/** ROR ids verified by their ISO 7064 mod 97-10 check digits. */
const RORS: Record<string, string> = {
  'tsukuba.ac.jp': '02956yf07',
  'univ-grenoble-alpes.fr': '02rx3b187',
  'tohoku.ac.jp': '01dq60k83',
};

export const DEMO_PUBLICATIONS_FILE = new URL(
  './files/tsukuba-uga-publications.bib',
  import.meta.url,
);

export async function seedResearch(tx: Db): Promise<void> {
  for (const [id, ror] of Object.entries(RORS))
    await tx.update(institutions).set({ ror }).where(eq(institutions.id, id));
  const content = readFileSync(DEMO_PUBLICATIONS_FILE, 'utf8');
  const parsed = parsePublications(content);
  const checked = parsed.entries.map(checkEntry);
  const good = checked.filter((c): c is ParsedPublication => !('code' in c));
  const held = await heldRecords(
    tx,
    good.flatMap((g) => (g.doi ? [g.doi] : [])),
    good.map((g) => normaliseTitle(g.title)),
  );
  const preview = sortEntries(checked, parsed.broken, held);
  const matcher = new AffiliationMatcher(await matchableInstitutions(tx));
  const matched = preview.good.map((p) => ({ ...p, authors: matcher.matchAuthors(p.authors) }));
  const [coordinator] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'coordinator.tsukuba@demo.kakehashi.example'));
  const importer = coordinator?.id ?? null;
  const batch = await insertBatch(tx, {
    institutionId: 'tsukuba.ac.jp',
    importedBy: importer,
    fileName: 'tsukuba-uga-publications.bib',
    sourceFormat: parsed.format,
    preview: { ...preview, good: matched },
    invented: true,
  });
  const added = await insertPublications(
    tx,
    matched.map((p) => ({
      doi: p.doi,
      title: p.title,
      titleKey: normaliseTitle(p.title),
      year: p.year,
      venue: p.venue,
      type: p.type,
      authors: p.authors,
      themes: p.themes,
      sourceFormat: parsed.format,
      importedBy: importer,
      batchId: batch.id,
      invented: true,
      institutionIds: p.authors.flatMap((a) =>
        a.matchedInstitutionId ? [a.matchedInstitutionId] : [],
      ),
    })),
  );
  await closeBatch(tx, batch.id, 'applied', added, new Date('2022-04-01T00:00:00Z'));
}
