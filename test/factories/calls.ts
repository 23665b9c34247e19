import type { Db } from '#src/db/client.ts';
import type { StoredRubric } from '#src/domain/calls/call-content.ts';
import type { CallHost } from '#src/domain/eligibility/index.ts';
import { calls, studentProfiles, type Names } from '#src/db/schema.ts';
import type { Level } from '#src/domain/program/rules.ts';
import { DEFAULT_GRADE_SCALES } from '#src/domain/screening/grade-scales.ts';
import { anAgreement } from './agreements.ts';
import { aProgram } from './programs.ts';
import { aConsortium, type FactoryConsortium } from './registry.ts';
import { next } from './sequence.ts';

export interface CallHostInput {
  institutionId: string;
  consortiumId: string;
  places?: { level: Level; count: number }[];
  languageRequirements?: CallHost['languageRequirements'];
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
  /** the language requirements of every host built by default (English B2 unless given) */
  hostLanguages?: CallHost['languageRequirements'];
  /** open from 2000-01-01 to 2099-12-31 unless given, so the call is open whatever today is */
  opens?: string;
  closes?: string;
  status?: 'draft' | 'published' | 'closed';
  documents?: { kind: string; required: boolean }[];
  /** the stored rubric, or a function of the call's agreement and consortia (see aCommonRubric) */
  rubric?: StoredRubric | null | ((call: Omit<FactoryCall, 'id'>) => StoredRubric);
  nominationDeadline?: string | null;
  departureFrom?: string | null;
  departureTo?: string | null;
  maxRankedHosts?: number;
  /** the call's own stay range in months (R12), narrowing the program's; 3 to 12 unless given */
  stayMonths?: { min: number; max: number } | null;
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
  const built = {
    programId: program.id,
    agreementId: agreement.id,
    sending,
    hosting,
    hostIds: hosts.map((h) => h.institutionId),
  };
  const rubric = typeof input.rubric === 'function' ? input.rubric(built) : (input.rubric ?? null);
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
      languageRequirements: h.languageRequirements ??
        input.hostLanguages ?? [{ language: 'en', minLevel: 'B2' }],
    })),
    opens: input.opens ?? '2000-01-01',
    closes: input.closes ?? '2099-12-31',
    stayMonthsMin: input.stayMonths === undefined ? 3 : (input.stayMonths?.min ?? null),
    stayMonthsMax: input.stayMonths === undefined ? 12 : (input.stayMonths?.max ?? null),
    maxRankedHosts: input.maxRankedHosts ?? 3,
    documents: input.documents ?? [],
    rubric,
    nominationDeadline: input.nominationDeadline ?? null,
    departureFrom: input.departureFrom ?? null,
    departureTo: input.departureTo ?? null,
    status: input.status ?? 'published',
    createdBy: input.createdBy ?? null,
  });
  return { id, ...built };
}

export interface StudentProfileInput {
  home: string | { id: string };
  /** a level of R3, or any text (a profile may hold what the portal would refuse) */
  level?: Level | (string & {});
  enrolmentStatus?: string;
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
    enrolmentStatus: input.enrolmentStatus ?? 'enrolled',
    enrolmentUntil: input.enrolmentUntil ?? '2099-03-31',
    residenceStatus: input.residenceStatus ?? null,
    nationality: input.nationality ?? 'JP',
    languages: input.languages ?? [{ language: 'en', level: 'B2' }],
    grade: input.grade ?? null,
  });
}

/**
 * A common rubric (R6) for a call's consortium pair under its agreement, whose consent (R16) the
 * factory agreement gives: motivation and language scored by reviewers, the normalised grade, and
 * the `panel` (reviewers with the institutions they belong to).
 */
export function aCommonRubric(
  call: { agreementId: string; sending: { id: string }; hosting: { id: string } | null },
  panel: { userId: string; institutionIds: string[] }[] = [],
): StoredRubric {
  return {
    id: `rubric-${next()}`,
    agreementId: call.agreementId,
    consortia: [call.sending.id, call.hosting?.id ?? call.sending.id],
    scoreScale: { min: 0, max: 10 },
    criteria: [
      { id: 'motivation', label: { en: 'Motivation' }, weight: 2, source: 'reviewer' },
      { id: 'language', label: { en: 'Language' }, weight: 1, source: 'reviewer' },
      { id: 'grade', label: { en: 'Grade' }, weight: 2, source: 'grade' },
    ],
    gradeScales: DEFAULT_GRADE_SCALES.map((s) => ({ ...s, anchors: s.anchors.map((a) => [...a]) })),
    minReviewers: 2,
    passMark: 50,
    panel,
  };
}
