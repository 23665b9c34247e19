/**
 * Alumni records from completed mobilities. An association gathers the alumni of one university
 * (or of one program at it): every student whose stay from or to it is over becomes an alumnus,
 * in the cohort program × direction × host × year. Deriving again adds only stays not yet
 * entered: a mobility is entered once (no re-entry).
 */
import type { Direction } from './fields.ts';

/** The mobility states after a stay is over (src/domain/mobility). */
export const COMPLETED_STATES = ['completed', 'transcript_issued', 'recognised'] as const;

export interface CompletedMobility {
  id: string;
  homeId: string;
  hostId: string;
  studentName: string;
  studentUserId: string | null;
  programId: string | null;
  status: string;
  startDate: string;
}

export interface AssociationScope {
  institutionId: string;
  /** An association of one program's alumni only; null for all of the university's. */
  programId: string | null;
}

export interface DerivedAlumnus {
  mobilityId: string;
  userId: string | null;
  name: string;
  homeId: string;
  hostId: string;
  direction: Direction;
  year: number;
  programId: string | null;
}

export const isCompleted = (status: string) =>
  (COMPLETED_STATES as readonly string[]).includes(status);

/** The cohort key of a derived alumnus: program × direction × host × year. */
export const cohortKey = (a: Pick<DerivedAlumnus, 'programId' | 'direction' | 'hostId' | 'year'>) =>
  `${a.programId ?? '-'}|${a.direction}|${a.hostId}|${a.year}`;

/**
 * The alumni to add: completed stays of the association's university (and program) whose
 * mobility has no record yet. Pure and idempotent: with `entered` holding what a first call
 * added, a second call adds nothing.
 */
export function deriveAlumni(
  association: AssociationScope,
  mobilities: readonly CompletedMobility[],
  entered: ReadonlySet<string>,
): DerivedAlumnus[] {
  const seen = new Set(entered);
  const out: DerivedAlumnus[] = [];
  for (const m of mobilities) {
    if (!isCompleted(m.status) || seen.has(m.id)) continue;
    if (association.programId && m.programId !== association.programId) continue;
    const direction: Direction | null =
      m.homeId === association.institutionId
        ? 'outgoing'
        : m.hostId === association.institutionId
          ? 'incoming'
          : null;
    if (!direction) continue;
    seen.add(m.id);
    out.push({
      mobilityId: m.id,
      userId: m.studentUserId,
      name: m.studentName,
      homeId: m.homeId,
      hostId: m.hostId,
      direction,
      year: Number(m.startDate.slice(0, 4)),
      programId: m.programId,
    });
  }
  return out;
}
