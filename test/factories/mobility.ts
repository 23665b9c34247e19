import type { Db } from '#src/db/client.ts';
import { mobilities } from '#src/db/schema.ts';
import type { Level } from '#src/domain/program/rules.ts';
import { anAgreement } from './agreements.ts';
import { aConsortium } from './registry.ts';
import { next } from './sequence.ts';

export interface MobilityInput {
  /** home and host institutions; members of a new agreement's two consortia when not given */
  home?: string | { id: string };
  host?: string | { id: string };
  agreement?: { id: string } | null;
  studentName?: string;
  studentUserId?: string | null;
  callId?: string | null;
  funded?: boolean;
  level?: Level;
  startDate?: string;
  months?: number;
  status?: string;
}

export interface FactoryMobility {
  id: string;
  homeId: string;
  hostId: string;
  agreementId: string | null;
}

const idOf = (v: string | { id: string }) => (typeof v === 'string' ? v : v.id);

/**
 * A mobility (nominated by default): a student of `home` at `host` for six months from
 * 2027-09-01. Without home and host it builds a Japanese and a Russian consortium, an agreement
 * between them, and takes one member of each.
 */
export async function aMobility(db: Db, input: MobilityInput = {}): Promise<FactoryMobility> {
  const n = next();
  let homeId = input.home ? idOf(input.home) : undefined;
  let hostId = input.host ? idOf(input.host) : undefined;
  let agreementId = input.agreement === null ? null : input.agreement?.id;
  if (!homeId || !hostId || agreementId === undefined) {
    const jp = await aConsortium(db, { side: 'JP' });
    const ru = await aConsortium(db, { side: 'RU' });
    homeId ??= jp.memberIds[0]!;
    hostId ??= ru.memberIds[0]!;
    agreementId ??= (
      await anAgreement(db, {
        partyA: { type: 'consortium', id: jp.id },
        partyB: { type: 'consortium', id: ru.id },
      })
    ).id;
  }
  const [row] = await db
    .insert(mobilities)
    .values({
      agreementId,
      homeId,
      hostId,
      studentName: input.studentName ?? `Test student ${n}`,
      studentUserId: input.studentUserId ?? null,
      callId: input.callId ?? null,
      funded: input.funded ?? true,
      level: input.level ?? 'bachelor',
      startDate: input.startDate ?? '2027-09-01',
      months: input.months ?? 6,
      status: input.status ?? 'nominated',
    })
    .returning({ id: mobilities.id });
  if (!row) throw new Error('could not create a mobility');
  return { id: row.id, homeId, hostId, agreementId };
}
