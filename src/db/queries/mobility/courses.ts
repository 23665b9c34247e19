/**
 * Course catalogues and the Course Jukebox (source document 004): courses, the alliances that
 * share them, the enrolments with their `result` record, and the student profiles enrolment reads.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  consortia,
  consortiumMembers,
  courses,
  jukeboxEnrolments,
  orgUnits,
  studentProfiles,
  users,
  type JukeboxRecord,
} from '../../schema.ts';

export type CourseRow = typeof courses.$inferSelect;
export type EnrolmentRow = typeof jukeboxEnrolments.$inferSelect & { result: JukeboxRecord };
export type { JukeboxRecord };

// ── Courses ──────────────────────────────────────────────────────────────────────────────────

/** An institution's catalogue, by code. */
export function coursesOf(db: Db, institutionId: string): Promise<CourseRow[]> {
  return db
    .select()
    .from(courses)
    .where(eq(courses.institutionId, institutionId))
    .orderBy(asc(courses.code));
}

export async function findCourse(db: Db, id: string): Promise<CourseRow | undefined> {
  const [course] = await db.select().from(courses).where(eq(courses.id, id));
  return course;
}

/** Has the institution a course with this code? */
export async function courseCodeTaken(
  db: Db,
  institutionId: string,
  code: string,
): Promise<boolean> {
  const [dup] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.institutionId, institutionId), eq(courses.code, code)));
  return !!dup;
}

/** Is this organisational unit one of the institution's? */
export async function isOrgUnitOf(
  db: Db,
  orgUnitId: string,
  institutionId: string,
): Promise<boolean> {
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, orgUnitId), eq(orgUnits.institutionId, institutionId)));
  return !!unit;
}

export async function insertCourse(
  db: Db,
  values: typeof courses.$inferInsert,
): Promise<CourseRow | undefined> {
  const [row] = await db.insert(courses).values(values).returning();
  return row;
}

/** The courses shared in an alliance's Jukebox, by institution and code. */
export function jukeboxCourses(db: Db, allianceId: string): Promise<CourseRow[]> {
  return db
    .select()
    .from(courses)
    .where(eq(courses.jukeboxAllianceId, allianceId))
    .orderBy(asc(courses.institutionId), asc(courses.code));
}

// ── Alliances ────────────────────────────────────────────────────────────────────────────────

export type ConsortiumRow = typeof consortia.$inferSelect;
export type MemberRow = typeof consortiumMembers.$inferSelect;

export async function findConsortium(db: Db, id: string): Promise<ConsortiumRow | undefined> {
  const [row] = await db.select().from(consortia).where(eq(consortia.id, id));
  return row;
}

/** Every membership of a consortium, past and future ones too (the caller dates them). */
export function membersOf(db: Db, consortiumId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(consortiumMembers)
    .where(eq(consortiumMembers.consortiumId, consortiumId));
}

// ── Students ─────────────────────────────────────────────────────────────────────────────────

export type StudentProfileRow = typeof studentProfiles.$inferSelect;

export async function studentProfileOf(
  db: Db,
  userId: string,
): Promise<StudentProfileRow | undefined> {
  const [profile] = await db
    .select()
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, userId));
  return profile;
}

/** Whether a user is an invented person (demonstration data), or undefined when there is none. */
export async function userIsInvented(db: Db, userId: string): Promise<boolean | undefined> {
  const [student] = await db
    .select({ invented: users.invented })
    .from(users)
    .where(eq(users.id, userId));
  return student?.invented;
}

// ── Jukebox enrolments ───────────────────────────────────────────────────────────────────────

const asEnrolment = (row: typeof jukeboxEnrolments.$inferSelect): EnrolmentRow => {
  // Every enrolment is written with its record; a row without one is not an enrolment.
  if (!row.result) throw new Error(`jukebox enrolment ${row.id} has no record`);
  return { ...row, result: row.result };
};

/** Who is enrolled in these courses. */
export async function enrolmentsInCourses(
  db: Db,
  courseIds: readonly string[],
): Promise<{ courseId: string; studentUserId: string }[]> {
  if (courseIds.length === 0) return [];
  return db
    .select({
      courseId: jukeboxEnrolments.courseId,
      studentUserId: jukeboxEnrolments.studentUserId,
    })
    .from(jukeboxEnrolments)
    .where(inList(jukeboxEnrolments.courseId, [...courseIds]));
}

export async function insertEnrolment(
  db: Db,
  values: { id: string; courseId: string; studentUserId: string; record: JukeboxRecord },
): Promise<void> {
  await db.insert(jukeboxEnrolments).values({
    id: values.id,
    courseId: values.courseId,
    studentUserId: values.studentUserId,
    status: 'enrolled',
    result: values.record,
  });
}

/** The id of a student's enrolment in a course, or undefined. */
export async function enrolmentIdOf(
  db: Db,
  courseId: string,
  userId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: jukeboxEnrolments.id })
    .from(jukeboxEnrolments)
    .where(
      and(eq(jukeboxEnrolments.courseId, courseId), eq(jukeboxEnrolments.studentUserId, userId)),
    );
  return row?.id;
}

export async function findEnrolment(db: Db, id: string): Promise<EnrolmentRow | undefined> {
  const [row] = await db.select().from(jukeboxEnrolments).where(eq(jukeboxEnrolments.id, id));
  return row ? asEnrolment(row) : undefined;
}

/** Every enrolment with its course, oldest first (the caller keeps those the reader may see). */
export async function enrolmentsWithCourses(
  db: Db,
): Promise<{ row: EnrolmentRow; course: CourseRow }[]> {
  const rows = await db
    .select()
    .from(jukeboxEnrolments)
    .innerJoin(courses, eq(courses.id, jukeboxEnrolments.courseId))
    .orderBy(asc(jukeboxEnrolments.createdAt));
  return rows.map((r) => ({ row: asEnrolment(r.jukebox_enrolments), course: r.courses }));
}

/** A student's enrolments that carry a record. */
export async function enrolmentsOfStudent(db: Db, userId: string): Promise<EnrolmentRow[]> {
  const rows = await db
    .select()
    .from(jukeboxEnrolments)
    .where(and(eq(jukeboxEnrolments.studentUserId, userId), isNotNull(jukeboxEnrolments.result)));
  return rows.map(asEnrolment);
}

export async function updateEnrolment(
  db: Db,
  id: string,
  status: string,
  record: JukeboxRecord,
): Promise<void> {
  await db
    .update(jukeboxEnrolments)
    .set({ status, result: record })
    .where(eq(jukeboxEnrolments.id, id));
}
