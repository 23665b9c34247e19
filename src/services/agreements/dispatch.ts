/**
 * R2, 003 §5(2): the agreement each stay is dispatched under, read from the registry at the
 * moment of the dispatch (a nomination published, a stipend or trip paid): an agreement that was
 * terminated or has run out since the nomination no longer carries it.
 */
import type { Db } from '#src/db/client.ts';
import { agreementStatesBetweenAny, datedMembershipsOf } from '#src/db/queries/agreements.ts';
import { chooseAgreement, type DispatchVerdict } from '#src/domain/agreement/dispatch.ts';

export interface StayToDispatch {
  home: string;
  host: string;
  /** bachelor, master or doctor; anything else is not checked */
  level: string | null;
  /** ISCED-F 2013 field, when known */
  field?: string | null;
  /** first and last day of the stay (inclusive) */
  start: string;
  end: string;
  /** only this agreement may carry the stay (one the nominating office chose), when given */
  agreementId?: string | null;
}

/** The verdict for each stay, in order: the agreement it goes under, or why none qualifies. */
export async function dispatchVerdicts(
  db: Db,
  stays: readonly StayToDispatch[],
): Promise<DispatchVerdict[]> {
  if (stays.length === 0) return [];
  const institutions = [...new Set(stays.flatMap((s) => [s.home, s.host]))];
  const memberships = await datedMembershipsOf(db, institutions);
  // Every party that could stand for a side: the institutions and any consortium they ever joined.
  const parties = [...new Set([...institutions, ...memberships.map((m) => m.consortiumId)])];
  const candidates = await agreementStatesBetweenAny(db, parties, parties);
  return stays.map((s) => {
    const own = memberships.filter((m) => m.institutionId === s.home || m.institutionId === s.host);
    const among = s.agreementId ? candidates.filter((c) => c.id === s.agreementId) : candidates;
    return chooseAgreement(among, {
      home: s.home,
      host: s.host,
      memberships: own,
      level: s.level,
      field: s.field ?? null,
      start: s.start,
      end: s.end,
    });
  });
}
