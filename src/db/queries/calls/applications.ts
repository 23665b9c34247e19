/**
 * Students' applications to calls, their uploaded documents, and the student profiles the
 * eligibility check reads (R3, R9): the only module that reads and writes these tables.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import { instantKey } from '../keyset.ts';
import { searchCondition } from '../search.ts';
import type { Db } from '../../client.ts';
import {
  applicationDocuments,
  callApplications,
  institutions,
  studentProfiles,
  users,
  type StoredEligibility,
} from '../../schema.ts';

export type { EarlierApplicationVersion, EarlierReview, StoredEligibility } from '../../schema.ts';
export type CallApplicationRow = typeof callApplications.$inferSelect;
export type StudentProfileRow = typeof studentProfiles.$inferSelect;
export type DocumentRow = typeof applicationDocuments.$inferSelect;
type ApplicationValues = Omit<
  typeof callApplications.$inferInsert,
  'id' | 'callId' | 'studentUserId'
>;

/** The eligibility kept at submission (an empty check for rows stored without one). */
export const storedEligibility = (
  row: Pick<CallApplicationRow, 'eligibility'>,
): StoredEligibility =>
  row.eligibility ?? {
    checkedOn: '',
    eligibleHosts: [],
    hosts: [],
    funding: null,
    grade: null,
    level: '',
  };

// ------------------------------------------------------------------------------ applications

export async function findCallApplication(
  db: Db,
  id: string,
): Promise<CallApplicationRow | undefined> {
  const [row] = await db.select().from(callApplications).where(eq(callApplications.id, id));
  return row;
}

/** The student's application to the call, withdrawn or not. */
export async function applicationOf(
  db: Db,
  callId: string,
  studentUserId: string,
): Promise<CallApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(callApplications)
    .where(
      and(eq(callApplications.callId, callId), eq(callApplications.studentUserId, studentUserId)),
    );
  return row;
}

/** The student's applications, newest first. */
export const applicationsOfStudent = (db: Db, studentUserId: string) =>
  db
    .select()
    .from(callApplications)
    .where(eq(callApplications.studentUserId, studentUserId))
    .orderBy(desc(callApplications.submittedAt));

/** A call's applications with each student's display name, in the order they came in. */
export const applicantsOfCall = (db: Db, callId: string) =>
  db
    .select({ app: callApplications, name: users.displayName })
    .from(callApplications)
    .innerJoin(users, eq(users.id, callApplications.studentUserId))
    .where(eq(callApplications.callId, callId))
    .orderBy(asc(callApplications.submittedAt));

/** A page of a call's applicants: the words searched, and the row it continues after. */
export interface ApplicantPageFilter {
  /** Words to find in the student's name (any script; case and accents ignored). */
  q?: string | undefined;
  /** The key (`instant` text, id) of the last row of the previous page. */
  after?: { submittedAt: string; id: string } | undefined;
  limit: number;
}

/**
 * One page of a call's applicants in the order they came in, then by id (the keyset order of
 * `call_applications_call_idx`), `limit + 1` rows so the caller knows whether more follow, each
 * with its key. Searched words match the folded name of the student (`users_search_idx`).
 */
export function applicantsPage(db: Db, callId: string, filter: ApplicantPageFilter) {
  const conditions: SQL[] = [eq(callApplications.callId, callId)];
  if (filter.q)
    conditions.push(searchCondition(sql`${users.searchText}`, filter.q, { parts: true }));
  if (filter.after) {
    conditions.push(
      sql`(${callApplications.submittedAt}, ${callApplications.id}) > (${filter.after.submittedAt}::timestamptz, ${filter.after.id}::uuid)`,
    );
  }
  return db
    .select({
      app: callApplications,
      name: users.displayName,
      key: instantKey(callApplications.submittedAt),
    })
    .from(callApplications)
    .innerJoin(users, eq(users.id, callApplications.studentUserId))
    .where(and(...conditions))
    .orderBy(asc(callApplications.submittedAt), asc(callApplications.id))
    .limit(filter.limit + 1);
}

/** Stores a new application; its id. */
export async function insertCallApplication(
  db: Db,
  values: ApplicationValues & { callId: string; studentUserId: string },
): Promise<string | undefined> {
  const [created] = await db
    .insert(callApplications)
    .values(values)
    .returning({ id: callApplications.id });
  return created?.id;
}

export async function updateCallApplication(
  db: Db,
  id: string,
  set: Partial<ApplicationValues>,
): Promise<void> {
  await db.update(callApplications).set(set).where(eq(callApplications.id, id));
}

// --------------------------------------------------------------------------------- documents

/** What is shown of the documents of these applications (never their bytes), oldest first. */
export async function documentsMeta(db: Db, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      id: applicationDocuments.id,
      applicationId: applicationDocuments.applicationId,
      kind: applicationDocuments.kind,
      filename: applicationDocuments.filename,
      contentType: applicationDocuments.contentType,
      size: applicationDocuments.size,
      sha256: applicationDocuments.sha256,
      uploadedAt: applicationDocuments.uploadedAt,
    })
    .from(applicationDocuments)
    .where(inList(applicationDocuments.applicationId, [...applicationIds]))
    .orderBy(asc(applicationDocuments.uploadedAt));
}

export type DocumentMeta = Awaited<ReturnType<typeof documentsMeta>>[number];

/** Stores a document in place of an earlier one of the same kind; its id. */
export async function replaceDocument(
  db: Db,
  doc: Omit<typeof applicationDocuments.$inferInsert, 'id' | 'uploadedAt'>,
): Promise<string | undefined> {
  await db
    .delete(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.applicationId, doc.applicationId),
        eq(applicationDocuments.kind, doc.kind),
      ),
    );
  const [created] = await db
    .insert(applicationDocuments)
    .values(doc)
    .returning({ id: applicationDocuments.id });
  return created?.id;
}

/** One document of one application, with its bytes. */
export async function findDocument(
  db: Db,
  applicationId: string,
  docId: string,
): Promise<DocumentRow | undefined> {
  const [doc] = await db
    .select()
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.id, docId),
        eq(applicationDocuments.applicationId, applicationId),
      ),
    );
  return doc;
}

// --------------------------------------------------------------------------- student profiles

export async function findStudentProfile(
  db: Db,
  userId: string,
): Promise<StudentProfileRow | undefined> {
  const [row] = await db.select().from(studentProfiles).where(eq(studentProfiles.userId, userId));
  return row;
}

export async function hasStudentProfile(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: studentProfiles.userId })
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, userId));
  return row !== undefined;
}

export async function updateStudentProfile(
  db: Db,
  userId: string,
  set: Partial<Omit<typeof studentProfiles.$inferInsert, 'userId'>>,
): Promise<void> {
  await db.update(studentProfiles).set(set).where(eq(studentProfiles.userId, userId));
}

/** The country of an institution (a student's home), or undefined. */
export async function institutionCountry(db: Db, id: string): Promise<string | undefined> {
  const [home] = await db.select().from(institutions).where(eq(institutions.id, id));
  return home?.country;
}
