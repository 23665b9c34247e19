/** The equivalence table that grows with every recognition decision (R7), and decision errors. */
import type { Db } from '#src/db/client.ts';
import {
  equivalencesOfHostCourses,
  findEquivalence,
  saveEquivalence,
} from '#src/db/queries/mobility/recognition.ts';
import type { LaComponent } from '#src/domain/recognition/learning-agreement.ts';
import {
  addToEquivalenceTable,
  equivalenceKey,
  type EquivalenceEntry,
  type RecognitionDecision,
} from '#src/domain/recognition/recognition.ts';
import type { Refusal } from '#src/domain/recognition/types.ts';
import type { AppError } from '../errors.ts';
import { refused } from './refusals.ts';

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
  const entries = await equivalencesOfHostCourses(
    db,
    components.map((c) => `${hostInstitutionId}|${c.host.code}`),
  );
  return entries.filter((e) => e.homeInstitutionId === homeInstitutionId);
}

/** R7: the table grows by one decision (stored per host course → home course pair). */
export async function growEquivalences(tx: Db, d: RecognitionDecision, at: Date): Promise<void> {
  const keys = pairKeys(d);
  const old = await findEquivalence(tx, keys);
  const table = old ? [old] : [];
  const entry = addToEquivalenceTable(table, d).find((e) => e.key === equivalenceKey(d));
  if (!entry) return;
  await saveEquivalence(tx, keys, entry, !!old, at);
}

/** The 422 of a refused recognition decision (R7; R16 when the system is not agreed). */
export async function decisionError(db: Db, r: Refusal): Promise<AppError> {
  return refused(db, [{ ...r, rule: r.rule ?? 'R7' }]);
}
