/**
 * Learning agreements, transcripts, recognition decisions and the equivalence table (R7), and
 * what the common recognition system (R16) reads of an agreement: its current version's clauses
 * and its signatures.
 */
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  agreementSignatures,
  agreementVersions,
  agreements,
  equivalences,
  learningAgreements,
  mobilities,
  recognitionDecisions,
  transcripts,
  users,
} from '../../schema.ts';
import type { LearningAgreement } from '#src/domain/recognition/learning-agreement.ts';
import {
  creditsHomeCourse,
  type EarlierRecognition,
} from '#src/domain/recognition/repeat-recognition.ts';
import type {
  EquivalenceEntry,
  RecognitionDecision,
  TranscriptEntry,
} from '#src/domain/recognition/recognition.ts';

// ── Learning agreements ──────────────────────────────────────────────────────────────────────

/** The learning agreement of a mobility (the domain object, kept whole), or null. */
export async function findLearningAgreement(
  db: Db,
  mobilityId: string,
): Promise<LearningAgreement | null> {
  const [row] = await db
    .select({ document: learningAgreements.document })
    .from(learningAgreements)
    .where(eq(learningAgreements.mobilityId, mobilityId));
  return row ? row.document : null;
}

/** Stores the learning agreement whole: a new row, or the existing one replaced. */
export async function saveLearningAgreement(
  db: Db,
  la: LearningAgreement,
  latestVersion: number,
  isNew: boolean,
  at: Date,
): Promise<void> {
  const values = {
    mobilityId: la.mobilityId,
    document: la,
    currentVersion: latestVersion,
    updatedAt: at,
  };
  if (isNew) await db.insert(learningAgreements).values(values);
  else
    await db
      .update(learningAgreements)
      .set(values)
      .where(eq(learningAgreements.mobilityId, la.mobilityId));
}

/** The people who sign: a user's name and address. */
export async function signerOf(
  db: Db,
  userId: string,
): Promise<{ name: string; email: string } | undefined> {
  const [me] = await db
    .select({ name: users.displayName, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return me;
}

// ── Transcripts ──────────────────────────────────────────────────────────────────────────────

export interface Transcript {
  issuedOn: string;
  entries: TranscriptEntry[];
}

/** The transcript of records of a mobility, or null. */
export async function findTranscript(db: Db, mobilityId: string): Promise<Transcript | null> {
  const [row] = await db.select().from(transcripts).where(eq(transcripts.mobilityId, mobilityId));
  return row ? { issuedOn: row.issuedOn, entries: row.entries } : null;
}

/** Writes the transcript: replaces the existing one when `exists`, else inserts it. */
export async function saveTranscript(
  db: Db,
  mobilityId: string,
  t: Transcript,
  exists: boolean,
): Promise<void> {
  if (exists) {
    await db
      .update(transcripts)
      .set({ entries: t.entries, issuedOn: t.issuedOn })
      .where(eq(transcripts.mobilityId, mobilityId));
  } else {
    await db.insert(transcripts).values({ mobilityId, entries: t.entries, issuedOn: t.issuedOn });
  }
}

// ── Recognition decisions ────────────────────────────────────────────────────────────────────

/** The recognition decisions of a mobility. */
export async function decisionsOf(db: Db, mobilityId: string): Promise<RecognitionDecision[]> {
  const rows = await db
    .select({ decision: recognitionDecisions.decision })
    .from(recognitionDecisions)
    .where(eq(recognitionDecisions.mobilityId, mobilityId));
  return rows.map((r) => r.decision);
}

/** Has this component of the mobility a decision already? */
export async function isDecided(db: Db, mobilityId: string, componentId: string): Promise<boolean> {
  const [existing] = await db
    .select({ id: recognitionDecisions.id })
    .from(recognitionDecisions)
    .where(
      and(
        eq(recognitionDecisions.mobilityId, mobilityId),
        eq(recognitionDecisions.componentId, componentId),
      ),
    );
  return !!existing;
}

/**
 * Stores a decision. `studentUserId` and the home course it credits (none for `none` or free
 * electives) fill the columns the database checks R7 on: one home course per student, unless the
 * decision carries a reason to credit it again.
 */
export async function insertDecision(
  db: Db,
  mobilityId: string,
  d: RecognitionDecision,
  decidedBy: string | null,
  studentUserId: string | null = null,
): Promise<void> {
  const credited = creditsHomeCourse(d);
  await db.insert(recognitionDecisions).values({
    mobilityId,
    componentId: d.componentId,
    decision: d,
    decidedBy,
    studentUserId,
    homeInstitutionId: credited ? d.homeInstitutionId : null,
    homeCourseCode: credited ? d.homeCourseCode : null,
    repeatReason: d.repeat?.reason ?? null,
  });
}

/**
 * R7: the decisions that credited this home course to the student — over every mobility of their
 * account, and on this mobility (a student without an account is known by it alone).
 */
export async function recognitionsOfHomeCourse(
  db: Db,
  who: { studentUserId: string | null; mobilityId: string },
  homeInstitutionId: string,
  homeCourseCode: string,
): Promise<EarlierRecognition[]> {
  const rows = await db
    .select({
      mobilityId: recognitionDecisions.mobilityId,
      decision: recognitionDecisions.decision,
    })
    .from(recognitionDecisions)
    .innerJoin(mobilities, eq(mobilities.id, recognitionDecisions.mobilityId))
    .where(
      and(
        who.studentUserId
          ? or(eq(mobilities.studentUserId, who.studentUserId), eq(mobilities.id, who.mobilityId))
          : eq(mobilities.id, who.mobilityId),
        sql`${recognitionDecisions.decision}->>'homeInstitutionId' = ${homeInstitutionId}`,
        sql`${recognitionDecisions.decision}->>'homeCourseCode' = ${homeCourseCode}`,
        sql`${recognitionDecisions.decision}->>'outcome' <> 'none'`,
      ),
    )
    .orderBy(asc(recognitionDecisions.decidedAt));
  return rows.map(({ mobilityId, decision: d }) => ({
    mobilityId,
    componentId: d.componentId,
    hostInstitutionId: d.hostInstitutionId,
    homeInstitutionId: d.homeInstitutionId,
    homeCourseCode: d.homeCourseCode,
    homeTitle: d.homeTitle,
    outcome: d.outcome,
    creditsRecognised: d.creditsRecognised,
    decidedAt: d.decidedAt,
  }));
}

/** Every recognition decision over the mobilities of one agreement. */
export async function decisionsOfAgreement(
  db: Db,
  agreementId: string,
): Promise<RecognitionDecision[]> {
  const rows = await db
    .select({ decision: recognitionDecisions.decision, homeId: mobilities.homeId })
    .from(recognitionDecisions)
    .innerJoin(mobilities, eq(mobilities.id, recognitionDecisions.mobilityId))
    .where(eq(mobilities.agreementId, agreementId));
  return rows.map((r) => r.decision);
}

// ── The equivalence table ────────────────────────────────────────────────────────────────────

/** The keys an equivalence is stored under: host course → home course. */
export interface EquivalenceKeys {
  hostCourseKey: string;
  homeCourseKey: string;
}

/** The entries recorded for these host courses (`institution|code`). */
export async function equivalencesOfHostCourses(
  db: Db,
  hostCourseKeys: readonly string[],
): Promise<EquivalenceEntry[]> {
  if (hostCourseKeys.length === 0) return [];
  const rows = await db
    .select()
    .from(equivalences)
    .where(inList(equivalences.hostCourseKey, [...hostCourseKeys]));
  return rows.map((r) => r.entry);
}

const pairIs = (keys: EquivalenceKeys) =>
  and(
    eq(equivalences.hostCourseKey, keys.hostCourseKey),
    eq(equivalences.homeCourseKey, keys.homeCourseKey),
  );

/** The entry of one course pair, or null. */
export async function findEquivalence(
  db: Db,
  keys: EquivalenceKeys,
): Promise<EquivalenceEntry | null> {
  const [row] = await db.select().from(equivalences).where(pairIs(keys));
  return row ? row.entry : null;
}

/** Writes the entry of one course pair: replaces it when `exists`, else inserts it. */
export async function saveEquivalence(
  db: Db,
  keys: EquivalenceKeys,
  entry: EquivalenceEntry,
  exists: boolean,
  at: Date,
): Promise<void> {
  const values = { ...keys, entry, updatedAt: at };
  if (exists) await db.update(equivalences).set(values).where(pairIs(keys));
  else await db.insert(equivalences).values(values);
}

// ── What recognition reads of agreements ─────────────────────────────────────────────────────

export type AgreementRow = typeof agreements.$inferSelect;

export async function findAgreement(db: Db, id: string): Promise<AgreementRow | undefined> {
  const [a] = await db.select().from(agreements).where(eq(agreements.id, id));
  return a;
}

/** The agreements between two parties, in either order, oldest first. */
export function agreementsBetween(db: Db, a: string, b: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(agreements)
    .where(
      or(
        and(eq(agreements.partyAId, a), eq(agreements.partyBId, b)),
        and(eq(agreements.partyAId, b), eq(agreements.partyBId, a)),
      ),
    )
    .orderBy(asc(agreements.createdAt));
}

/** Does the agreement's current version carry the common-recognition clause (R7)? */
export async function hasCommonRecognitionClause(db: Db, a: AgreementRow): Promise<boolean> {
  const [version] = await db
    .select()
    .from(agreementVersions)
    .where(
      and(eq(agreementVersions.agreementId, a.id), eq(agreementVersions.version, a.currentVersion)),
    );
  const clauses = (version?.content as { clauses?: { commonRecognition?: boolean } } | undefined)
    ?.clauses;
  return !!clauses?.commonRecognition;
}

/** The signatures of an agreement, latest first. */
export function signaturesOf(db: Db, agreementId: string) {
  return db
    .select()
    .from(agreementSignatures)
    .where(eq(agreementSignatures.agreementId, agreementId))
    .orderBy(desc(agreementSignatures.signedOn));
}
