/**
 * The names an allocation run's views carry next to its ids: applicants (a call's applications),
 * universities, consortia and the sides of the balance, in every language the record has.
 */
import type { Db } from '#src/db/client.ts';
import { consortiumNames, institutionNames } from '#src/db/queries/names.ts';
import { applicantNamesById } from '#src/db/queries/allocation.ts';
import { LANGUAGES, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { balanceUnitsOf } from '#src/domain/allocation/feasibility.ts';
import type { AllocationInstance } from '#src/domain/allocation/types.ts';
import { countryName } from '#src/i18n/format.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Applicants by application id (a call's instance): the student's name in each script. */
export async function applicantNames(
  db: Db,
  applicationIds: readonly string[],
): Promise<Map<string, LocalizedText>> {
  return applicantNamesById(db, [...new Set(applicationIds.filter((id) => UUID.test(id)))]);
}

/** A country side (`JP`, `RU`) by its name in every language; the code when it is none. */
function sideName(side: string): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((l) => [l, countryName(side, l)]));
}

/** `a ↔ b` in every language, from the names of both ends. */
function pairName(a: LocalizedText, b: LocalizedText): LocalizedText {
  return Object.fromEntries(
    LANGUAGES.map((l) => [l, `${a[l] ?? a.en ?? ''} ↔ ${b[l] ?? b.en ?? ''}`]),
  );
}

export interface RunNames {
  students: Record<string, LocalizedText>;
  universities: Record<string, LocalizedText>;
  /** Balance units (university, consortium, side or agreement pair) by their key. */
  units: Record<string, LocalizedText>;
}

/**
 * Every name a run shows: applicants known to the registry by their names (an uploaded instance's
 * students have only the labels the file gave), universities and consortia by the registry's names
 * (the instance's id when the registry does not know it), sides by their country's name.
 */
export async function runNames(db: Db, instance: AllocationInstance): Promise<RunNames> {
  const universityIds = instance.universities.map((u) => u.id);
  const consortiumIds = instance.universities.flatMap((u) => (u.consortium ? [u.consortium] : []));
  const [people, institutions, consortia] = await Promise.all([
    applicantNames(
      db,
      instance.students.map((s) => s.id),
    ),
    institutionNames(db, universityIds),
    consortiumNames(db, consortiumIds),
  ]);
  const uni = (id: string): LocalizedText => institutions.get(id) ?? { en: id };
  const universities = Object.fromEntries(universityIds.map((id) => [id, uni(id)]));
  const students = Object.fromEntries(
    instance.students.map((s) => [s.id, people.get(s.id) ?? { en: s.id }]),
  );
  const units: Record<string, LocalizedText> = {};
  const byId = new Map(instance.universities.map((u) => [u.id, u]));
  for (const ag of instance.agreements) {
    const pair = balanceUnitsOf(instance, byId, ag.from, ag.to);
    if (!pair) continue;
    for (const [key, id, other] of [
      [pair[0], ag.from, ag.to],
      [pair[1], ag.to, ag.from],
    ] as const) {
      if (units[key]) continue;
      const u = byId.get(id)!;
      switch (instance.rules.balanceScope) {
        case 'university':
          units[key] = uni(id);
          break;
        case 'consortium':
          units[key] = u.consortium
            ? (consortia.get(u.consortium) ?? { en: u.consortium })
            : uni(id);
          break;
        case 'side':
          units[key] = sideName(u.side);
          break;
        case 'agreement':
          units[key] = pairName(uni(id), uni(other));
          break;
        case 'none':
          break;
      }
    }
  }
  return { students, universities, units };
}
