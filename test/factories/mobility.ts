import type { Db } from '#src/db/client.ts';
import { learningAgreements, mobilities, transcripts } from '#src/db/schema.ts';
import type { Level } from '#src/domain/program/rules.ts';
import {
  approveVersion,
  draftLearningAgreement,
  type LaComponent,
} from '#src/domain/recognition/learning-agreement.ts';
import { anAgreement } from './agreements.ts';
import { aConsortium } from './registry.ts';
import { next } from './sequence.ts';

export interface MobilityInput {
  /** home and host institutions; members of a new agreement's two consortia when not given */
  home?: string | { id: string };
  host?: string | { id: string };
  agreement?: { id: string } | null;
  /** the program of the new agreement built when no agreement is given (R12 reads its rules) */
  program?: { id: string };
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
        ...(input.program ? { program: input.program } : {}),
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

/** One course of a learning agreement: a host course and the home course it counts as. */
export interface ComponentInput {
  id: string;
  hostCode: string;
  /** the home course code; null for free elective credits */
  homeCode: string | null;
  /** credits at the host (Russian ZE, 5 by default) and at home (Japanese tan-i, 2 by default) */
  hostCredits?: number;
  homeCredits?: number;
}

/**
 * A learning agreement between a Japanese home and a Russian host, signed by the student, the home
 * and the host as version 1 (a mobility may then be in `la_signed` or later).
 */
export async function aSignedLearningAgreement(
  db: Db,
  mobility: FactoryMobility,
  components: readonly ComponentInput[],
  at = '2026-05-01T00:00:00.000Z',
): Promise<LaComponent[]> {
  const laComponents: LaComponent[] = components.map((c) => ({
    id: c.id,
    host: {
      code: c.hostCode,
      title: { en: `Host course ${c.hostCode}` },
      credits: { value: c.hostCredits ?? 5, system: 'ru-ze' },
    },
    home: {
      code: c.homeCode,
      title: { en: c.homeCode ? `Home course ${c.homeCode}` : 'Free electives' },
      credits: { value: c.homeCredits ?? 2, system: 'jp-tan-i' },
    },
  }));
  const draft = draftLearningAgreement({
    id: `la-${mobility.id}`,
    mobilityId: mobility.id,
    homeInstitutionId: mobility.homeId,
    hostInstitutionId: mobility.hostId,
    homeCreditSystem: 'jp-tan-i',
    hostCreditSystem: 'ru-ze',
    proposedBy: 'student',
    at,
    components: laComponents,
  });
  if (!draft.ok) throw new Error(`learning agreement: ${draft.refusal.code}`);
  let la = draft.value.agreement;
  for (const party of ['student', 'home', 'host'] as const) {
    const signed = approveVersion(la, 1, { party, signerName: party, signedAt: at });
    if (!signed.ok) throw new Error(`signature: ${signed.refusal.code}`);
    la = signed.value.agreement;
  }
  await db
    .insert(learningAgreements)
    .values({ mobilityId: mobility.id, document: la, currentVersion: 1 });
  return laComponents;
}

/** The host's transcript: every component passed with grade 5 and its credits in full. */
export async function aTranscript(
  db: Db,
  mobilityId: string,
  components: readonly ComponentInput[],
  issuedOn = '2026-07-10',
): Promise<void> {
  await db.insert(transcripts).values({
    mobilityId,
    issuedOn,
    entries: components.map((c) => ({
      componentId: c.id,
      hostCourseCode: c.hostCode,
      status: 'passed' as const,
      grade: '5',
      gradeScaleId: 'ru-5',
      credits: { value: c.hostCredits ?? 5, system: 'ru-ze' as const },
    })),
  });
}
