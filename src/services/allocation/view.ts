/**
 * A run as the API says it: each mechanism's stored result with names beside the units and
 * codes beside the text. Built on a task worker for large runs (services/tasks), where it is
 * also serialised, so a 10,000-student run is read without blocking the request thread.
 */
import { explanationRefusals } from '#src/domain/allocation/explain.ts';
import { passOverRefusal, passedOver } from '#src/domain/allocation/passed-over.ts';
import {
  MECHANISMS,
  type AllocationInstance,
  type Mechanism,
} from '#src/domain/allocation/types.ts';
import type { LocalizedText, Refusal } from '#src/domain/shared/refusal.ts';
import {
  unpackResults,
  type PackedResults,
  type StoredResult,
  type StoredResults,
} from './compute.ts';
import type { RunNames } from './names.ts';

/** The most pass-overs a result lists (each student's own are all in her explanation). */
export const PASSED_OVER_LISTED = 500;

/**
 * A mechanism's stored result as the API says it: names beside the units, codes beside the text,
 * and the applicants it passes over for lower-scored ones (with whom and why), computed from the
 * stored result and explanations so that every run says them, older ones too.
 */
export function resultView(instance: AllocationInstance, stored: StoredResult, names: RunNames) {
  const prefsCount = new Map(instance.students.map((s) => [s.id, s.prefs.length]));
  const nameOf = (id: string): LocalizedText => names.universities[id] ?? { en: id };
  const said = {
    student: (id: string): LocalizedText => names.students[id] ?? { en: id },
    university: nameOf,
    unit: (key: string): LocalizedText => names.units[key] ?? { en: key },
  };
  const passOvers = passedOver(instance, stored.result, stored.explanations);
  const byStudent = new Map<string, Refusal[]>();
  const listed = passOvers.map((p) => {
    const r = passOverRefusal(p, said);
    byStudent.set(p.student, [...(byStudent.get(p.student) ?? []), r]);
    return { student: p.student, instead: p.instead, host: p.host, refusal: r };
  });
  return {
    result: stored.result,
    passedOver: listed.slice(0, PASSED_OVER_LISTED),
    passedOverCount: listed.length,
    passedOverStudents: byStudent.size,
    summary: {
      ...stored.summary,
      balance: stored.summary.balance.map((row) => ({
        ...row,
        name: names.units[row.unit] ?? { en: row.unit },
      })),
    },
    explanations: stored.explanations.map((e) => ({
      ...e,
      ...explanationRefusals(e, {
        objective: stored.result.objective,
        ...(stored.result.stats.proven === false ? { proven: false } : {}),
        prefsCount: prefsCount.get(e.student) ?? 0,
        nameOf,
      }),
      passedOver: byStudent.get(e.student) ?? [],
    })),
  };
}

/** Every mechanism's view, from the results as stored (packed or plain). */
export async function resultsView(
  instance: AllocationInstance,
  stored: PackedResults | StoredResults,
  names: RunNames,
): Promise<Partial<Record<Mechanism, ReturnType<typeof resultView>>>> {
  const results = await unpackResults(stored);
  return Object.fromEntries(
    MECHANISMS.flatMap((m) => {
      const r = results[m];
      return r ? [[m, resultView(instance, r, names)] as const] : [];
    }),
  );
}

/** The whole run as JSON: `head` (everything but the results) with the results' view. */
export async function runJson(
  head: Record<string, unknown>,
  instance: AllocationInstance,
  stored: PackedResults | StoredResults,
  names: RunNames,
): Promise<string> {
  return JSON.stringify({ ...head, results: await resultsView(instance, stored, names) });
}
