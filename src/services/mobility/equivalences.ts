/** The equivalence table that grows with every recognition decision (R7), and decision errors. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { equivalences } from '#src/db/schema.ts';
import type { LaComponent } from '#src/domain/recognition/learning-agreement.ts';
import {
  addToEquivalenceTable,
  equivalenceKey,
  type EquivalenceEntry,
  type RecognitionDecision,
} from '#src/domain/recognition/recognition.ts';
import type { Refusal } from '#src/domain/recognition/types.ts';
import type { AppError } from '../errors.ts';
import { refused } from './common.ts';

const pairKeys = (e: {
  hostInstitutionId: string;
  hostCourseCode: string;
  homeInstitutionId: string;
  homeCourseCode: string | null;
}) => ({
  hostCourseKey: `${e.hostInstitutionId}|${e.hostCourseCode}`,
  homeCourseKey: `${e.homeInstitutionId}|${e.homeCourseCode ?? '*'}`,
});

export async function equivalenceEntries(
  db: Db,
  hostInstitutionId: string,
  homeInstitutionId: string,
  components: readonly LaComponent[],
): Promise<EquivalenceEntry[]> {
  if (components.length === 0) return [];
  const rows = await db
    .select()
    .from(equivalences)
    .where(
      inArray(
        equivalences.hostCourseKey,
        components.map((c) => `${hostInstitutionId}|${c.host.code}`),
      ),
    );
  return rows
    .map((r) => r.entry as unknown as EquivalenceEntry)
    .filter((e) => e.homeInstitutionId === homeInstitutionId);
}

/** R7: the table grows by one decision (stored per host course → home course pair). */
export async function growEquivalences(tx: Db, d: RecognitionDecision, at: Date): Promise<void> {
  const keys = pairKeys(d);
  const [old] = await tx
    .select()
    .from(equivalences)
    .where(
      and(
        eq(equivalences.hostCourseKey, keys.hostCourseKey),
        eq(equivalences.homeCourseKey, keys.homeCourseKey),
      ),
    );
  const table = old ? [old.entry as unknown as EquivalenceEntry] : [];
  const entry = addToEquivalenceTable(table, d).find((e) => e.key === equivalenceKey(d));
  if (!entry) return;
  const values = {
    ...keys,
    entry: entry as unknown as Record<string, unknown>,
    updatedAt: at,
  };
  if (old) {
    await tx
      .update(equivalences)
      .set(values)
      .where(
        and(
          eq(equivalences.hostCourseKey, keys.hostCourseKey),
          eq(equivalences.homeCourseKey, keys.homeCourseKey),
        ),
      );
  } else {
    await tx.insert(equivalences).values(values);
  }
}

/** The 422 of a refused recognition decision (R7; R16 when the system is not agreed). */
export async function decisionError(db: Db, r: Refusal): Promise<AppError> {
  return refused(db, [{ ...r, rule: r.rule ?? 'R7' }]);
}
