/**
 * What the home university records of its student and the rules read: the level of study (R3),
 * the enrolment and its planned end, the grade with its scale (R6 weighs it 40 % of the common
 * score) and the residence status in Japan (R9, 003 §7(1) decides the support on it). The student sees them on their profile and cannot change them
 * (profile.ts); a coordinator of the student's home institution, or an administrator, records them
 * here, audited with before and after. Anyone else is told the student does not exist (404).
 */
import { z } from 'zod';
import { findStudentProfile, updateStudentProfile } from '#src/db/queries/calls/applications.ts';
import { institutionName, personName } from '#src/db/queries/names.ts';
import { DEFAULT_GRADE_SCALES } from '#src/domain/screening/grade-scales.ts';
import {
  enrolmentStatusSchema,
  studyLevelSchema,
  type EnrolmentStatus,
  type StudyLevel,
} from '#src/domain/eligibility/types.ts';
import { institutionsResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { parseOr400 } from '../registry/input.ts';

export const studentRecordSchema = z
  .object({
    /** R3: the level of study the student is enrolled at; unchanged when absent. */
    level: studyLevelSchema.optional(),
    /** Enrolment at the home university and its planned end; unchanged when absent. */
    enrolmentStatus: enrolmentStatusSchema.optional(),
    enrolmentUntil: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
      .nullable()
      .optional(),
    grade: z.object({ scale: z.string().min(1), value: z.number().finite() }).nullable(),
    /** Residence status in Japan (在留資格) by code, e.g. `student` = 留学; `null` = none. */
    residenceStatus: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,40}$/, 'a code such as student or permanent_resident')
      .nullable(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.grade) return;
    const scale = DEFAULT_GRADE_SCALES.find((s) => s.id === r.grade?.scale);
    if (!scale) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade', 'scale'],
        message: `one of ${DEFAULT_GRADE_SCALES.map((s) => s.id).join(', ')}`,
        params: { code: 'calls.grade_scale_unknown' },
      });
    } else if (r.grade.value < scale.min || r.grade.value > scale.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade', 'value'],
        message: `between ${scale.min} and ${scale.max} on ${scale.label}`,
        params: { code: 'calls.grade_outside_scale' },
      });
    }
  });
export type StudentRecord = z.infer<typeof studentRecordSchema>;

/** The student's profile once the actor may record for them (404 otherwise: decision 001). */
async function recordable(ctx: ServiceContext, userId: string) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const profile = await findStudentProfile(ctx.db, userId);
  if (!profile) throw notFound('student', userId);
  // The student's home institution only: a consortium's secretariat holds no institution scope.
  requireAccess(ctx, 'registry:write', institutionsResource([profile.homeId], 'student'), {
    visibleBy: ['registry:write', institutionsResource([profile.homeId], 'student')],
  });
  return profile;
}

const recordOf = (p: NonNullable<Awaited<ReturnType<typeof findStudentProfile>>>) => ({
  level: p.level as StudyLevel,
  enrolmentStatus: p.enrolmentStatus as EnrolmentStatus,
  enrolmentUntil: p.enrolmentUntil,
  grade: p.grade ? { scale: p.grade.scale, value: Number(p.grade.value) } : null,
  residenceStatus: p.residenceStatus,
});

/** What the home university has recorded of the student, with their name and home's name. */
export async function readStudentRecord(ctx: ServiceContext, userId: string) {
  const profile = await recordable(ctx, userId);
  return {
    userId,
    student: await personName(ctx.db, userId),
    home: await institutionName(ctx.db, profile.homeId),
    ...recordOf(profile),
  };
}

/** Records the student's grade and residence status; audited with before and after. */
export async function recordStudent(ctx: ServiceContext, userId: string, input: unknown) {
  const profile = await recordable(ctx, userId);
  const given = parseOr400(studentRecordSchema, input);
  const before = recordOf(profile);
  const after = {
    level: given.level ?? before.level,
    enrolmentStatus: given.enrolmentStatus ?? before.enrolmentStatus,
    enrolmentUntil:
      given.enrolmentUntil === undefined ? before.enrolmentUntil : given.enrolmentUntil,
    grade: given.grade,
    residenceStatus: given.residenceStatus,
  };
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await ctx.db.transaction(async (tx) => {
      await updateStudentProfile(tx, userId, after);
      await audit(tx, ctx, {
        action: 'student_profile.record',
        resourceType: 'student_profile',
        resourceId: userId,
        before,
        after,
      });
    });
  }
  return readStudentRecord(ctx, userId);
}
