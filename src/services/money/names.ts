/**
 * Display names of what money views reference — students, institutions, consortia, programs,
 * people — in every language the record has (src/db/queries/names.ts), so that people read names.
 */
import type { Db } from '#src/db/client.ts';
import { mobilityPartiesOf } from '#src/db/queries/money/context.ts';
import {
  consortiumNames,
  institutionNames,
  personNames,
  programNames,
} from '#src/db/queries/names.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import type { MobilityMoney } from './context.ts';

export interface MobilityLabel {
  student: LocalizedText;
  home: LocalizedText;
  host: LocalizedText;
}

/** The student, home and host of each mobility, by mobility id. */
export async function mobilityLabels(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Map<string, MobilityLabel>> {
  const ids = [...new Set(mobilityIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return new Map();
  const rows = await mobilityPartiesOf(db, ids);
  const insts = await institutionNames(
    db,
    rows.flatMap((r) => [r.homeId, r.hostId]),
  );
  const people = await personNames(
    db,
    rows.flatMap((r) => (r.studentUserId ? [r.studentUserId] : [])),
  );
  return new Map(
    rows.map((r) => {
      const person = r.studentUserId ? people.get(r.studentUserId) : undefined;
      return [
        r.id,
        {
          student: person && Object.keys(person).length > 0 ? person : { en: r.studentName },
          home: insts.get(r.homeId) ?? { en: r.homeId },
          host: insts.get(r.hostId) ?? { en: r.hostId },
        },
      ];
    }),
  );
}

/** The student, home and host of a mobility by name (the record's own name or id without one). */
export const namedParties = (m: MobilityMoney, label: MobilityLabel | undefined) => ({
  student: label?.student ?? { en: m.mobility.studentName },
  home: label?.home ?? { en: m.mobility.homeId },
  host: label?.host ?? { en: m.mobility.hostId },
});

/** Who goes where, by id and by name: the head of every money view of a mobility. */
export function mobilityHeading(m: MobilityMoney, label: MobilityLabel | undefined) {
  const named = namedParties(m, label);
  return {
    mobilityId: m.mobility.id,
    studentName: m.mobility.studentName,
    student: named.student,
    homeId: m.mobility.homeId,
    home: named.home,
    hostId: m.mobility.hostId,
    host: named.host,
    hostCountry: m.host.country,
  };
}

/** A label for a mobility the database does not know (never shown as an id). */
export const unknownLabel = (): MobilityLabel => ({ student: {}, home: {}, host: {} });

export async function oneName(
  load: (db: Db, ids: readonly string[]) => Promise<Map<string, LocalizedText>>,
  db: Db,
  id: string | null | undefined,
): Promise<LocalizedText | null> {
  if (!id) return null;
  return (await load(db, [id])).get(id) ?? { en: id };
}

export { consortiumNames, institutionNames, personNames, programNames };
