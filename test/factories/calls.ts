import type { Db } from '#src/db/client.ts';
import { calls, studentProfiles, type Names } from '#src/db/schema.ts';
import type { Level } from '#src/domain/program/rules.ts';
import { anAgreement } from './agreements.ts';
import { aProgram } from './programs.ts';
import { aConsortium, type FactoryConsortium } from './registry.ts';
import { next } from './sequence.ts';

export interface CallHostInput {
  institutionId: string;
  consortiumId: string;
  places?: { level: Level; count: number }[];
  languageRequirements?: { language: string; minLevel: string }[];
}

export interface CallInput {
  id?: string;
  title?: Names;
  program?: { id: string };
  /** the sending (home) consortium; a new Japanese one when not given */
  sending?: FactoryConsortium;
  /** the host consortium; a new Russian one when not given (ignored when `hosts` is given) */
  hosting?: FactoryConsortium;
  agreement?: { id: string };
  hosts?: CallHostInput[];
  /** open from 2000-01-01 to 2099-12-31 unless given, so the call is open whatever today is */
  opens?: string;
  closes?: string;
  status?: 'draft' | 'published' | 'closed';
  documents?: { kind: string; required: boolean }[];
  rubric?: Record<string, unknown> | null;
  maxRankedHosts?: number;
  createdBy?: string;
}

export interface FactoryCall {
  id: string;
  programId: string;
  agreementId: string;
  sending: FactoryConsortium;
  hosting: FactoryConsortium | null;
  hostIds: string[];
}

/**
 * A published call, open, under a program and an agreement between a sending and a host
 * consortium (all created unless given), with two places per level at every host.
 */
export async function aCall(db: Db, input: CallInput = {}): Promise<FactoryCall> {
  const n = next();
  const program = input.program ?? (await aProgram(db));
  const sending = input.sending ?? (await aConsortium(db, { side: 'JP' }));
  const hosting = input.hosts
    ? (input.hosting ?? null)
    : (input.hosting ?? (await aConsortium(db, { side: 'RU' })));
  const agreement =
    input.agreement ??
    (await anAgreement(db, {
      partyA: { type: 'consortium', id: sending.id },
      partyB: { type: 'consortium', id: hosting?.id ?? sending.id },
      program,
    }));
  const hosts: CallHostInput[] =
    input.hosts ??
    (hosting?.memberIds ?? []).map((institutionId) => ({
      institutionId,
      consortiumId: hosting!.id,
    }));
  const id = input.id ?? `call-${n}`;
  await db.insert(calls).values({
    id,
    programId: program.id,
    agreementId: agreement.id,
    title: input.title ?? { en: `Test call ${n}` },
    sendingConsortiumIds: [sending.id],
    hosts: hosts.map((h) => ({
      institutionId: h.institutionId,
      consortiumId: h.consortiumId,
      places: h.places ?? [
        { level: 'bachelor', count: 2 },
        { level: 'master', count: 2 },
        { level: 'doctor', count: 2 },
      ],
      languageRequirements: h.languageRequirements ?? [{ language: 'en', minLevel: 'B2' }],
    })),
    opens: input.opens ?? '2000-01-01',
    closes: input.closes ?? '2099-12-31',
    stayMonthsMin: 3,
    stayMonthsMax: 12,
    maxRankedHosts: input.maxRankedHosts ?? 3,
    documents: input.documents ?? [],
    rubric: input.rubric ?? null,
    status: input.status ?? 'published',
    createdBy: input.createdBy ?? null,
  });
  return {
    id,
    programId: program.id,
    agreementId: agreement.id,
    sending,
    hosting,
    hostIds: hosts.map((h) => h.institutionId),
  };
}

export interface StudentProfileInput {
  home: string | { id: string };
  level?: Level;
  residenceStatus?: string | null;
  nationality?: string | null;
  languages?: { language: string; level: string }[];
  grade?: { scale: string; value: number | string } | null;
  enrolmentUntil?: string | null;
}

/** What the student portal knows of a student: enrolled at `home`, English B2 by default. */
export async function aStudentProfile(
  db: Db,
  user: { id: string },
  input: StudentProfileInput,
): Promise<void> {
  await db.insert(studentProfiles).values({
    userId: user.id,
    homeId: typeof input.home === 'string' ? input.home : input.home.id,
    level: input.level ?? 'bachelor',
    enrolmentUntil: input.enrolmentUntil ?? '2099-03-31',
    residenceStatus: input.residenceStatus ?? null,
    nationality: input.nationality ?? 'JP',
    languages: input.languages ?? [{ language: 'en', level: 'B2' }],
    grade: input.grade ?? null,
  });
}
