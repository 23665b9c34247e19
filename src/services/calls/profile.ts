/**
 * The student's own profile: what the eligibility check reads — level (R3), enrolment, residence
 * status in Japan (R9), languages with CEFR levels, and the grade with its scale (R6 normalises
 * it). The student edits it; the home university is set by the university and is not editable here.
 * Every change is audited with its before and after.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { studentProfiles } from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import {
  enrolmentStatusSchema,
  languageSkillSchema,
  studyLevelSchema,
} from '#src/domain/eligibility/index.ts';
import { DEFAULT_GRADE_SCALES } from '#src/domain/screening/grade-scales.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, forbidden, notFound, fieldPath } from '../errors.ts';
import { getMyProfile } from './applications.ts';

/** Fields the student may not change: the university sets them. */
const LOCKED = ['homeId', 'userId', 'nationality', 'invented'] as const;

export const profileEditSchema = z
  .object({
    level: studyLevelSchema,
    enrolmentStatus: enrolmentStatusSchema,
    enrolmentUntil: z.iso.date().nullable(),
    /**
     * Residence status in Japan (在留資格) by code, e.g. `student` = 留学; `null` = none. R9 reads
     * it, so the university records it: a student may send it back unchanged, never change it.
     */
    residenceStatus: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,40}$/, 'a code such as student or permanent_resident')
      .nullable()
      .optional(),
    languages: z.array(languageSkillSchema).max(12),
    grade: z
      .object({
        scale: z.string().min(1),
        value: z.number().finite(),
      })
      .nullable(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.languages.forEach((l, i) => {
      const first = seen.get(l.language);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['languages', i, 'language'],
          message: `"${l.language}" is already listed at position ${first + 1}`,
        });
      } else seen.set(l.language, i);
    });
    if (p.grade) {
      const scale = DEFAULT_GRADE_SCALES.find((s) => s.id === p.grade?.scale);
      if (!scale) {
        ctx.addIssue({
          code: 'custom',
          path: ['grade', 'scale'],
          message: `one of ${DEFAULT_GRADE_SCALES.map((s) => s.id).join(', ')}`,
        });
      } else if (p.grade.value < scale.min || p.grade.value > scale.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['grade', 'value'],
          message: `between ${scale.min} and ${scale.max} on ${scale.label}`,
        });
      }
    }
  });
export type ProfileEdit = z.infer<typeof profileEditSchema>;

const fieldOf = (path: readonly PropertyKey[]) => fieldPath('body', path);

function parseEdit(input: unknown): ProfileEdit {
  if (typeof input === 'object' && input !== null) {
    const locked = LOCKED.filter((k) => k in input);
    if (locked.length > 0) {
      const issues = locked.map((k) => ({
        field: `body.${k}`,
        message:
          k === 'homeId'
            ? 'your home university is set by your university and cannot be changed here'
            : 'not editable by the student',
      }));
      throw new AppError('validation_failed', `${issues[0]?.field}: ${issues[0]?.message}`, {
        issues,
      });
    }
  }
  const parsed = profileEditSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message }));
    throw new AppError('validation_failed', `${issues[0]?.field}: ${issues[0]?.message}`, {
      issues,
    });
  }
  return parsed.data;
}

/** Replaces the editable part of the signed-in student's profile; audited with the changes. */
export async function updateMyProfile(ctx: ServiceContext, input: unknown) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'sign in first');
  if (!can(actor, 'call:apply', { type: 'application', ownerUserId: actor.id }))
    throw forbidden('edit a student profile (students only)');
  const edit = parseEdit(input);
  const [before] = await ctx.db
    .select()
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, actor.id));
  if (!before) throw notFound('student profile', actor.id);
  if (edit.residenceStatus !== undefined && edit.residenceStatus !== before.residenceStatus) {
    throw new AppError(
      'validation_failed',
      'body.residenceStatus: your residence status is recorded by your university (R9 reads it); ask your coordinator to correct it',
      { issues: [{ field: 'body.residenceStatus', message: 'recorded by your university (R9)' }] },
    );
  }

  const after = {
    level: edit.level,
    enrolmentStatus: edit.enrolmentStatus,
    enrolmentUntil: edit.enrolmentUntil,
    residenceStatus: before.residenceStatus,
    languages: edit.languages,
    grade: edit.grade,
  };
  const previous = {
    level: before.level,
    enrolmentStatus: before.enrolmentStatus,
    enrolmentUntil: before.enrolmentUntil,
    residenceStatus: before.residenceStatus,
    // jsonb reorders keys: rebuild the objects so that the comparison below sees values only.
    languages: before.languages.map((l) => ({ language: l.language, level: l.level })),
    grade: before.grade ? { scale: before.grade.scale, value: Number(before.grade.value) } : null,
  };
  const changes = (Object.keys(after) as (keyof typeof after)[])
    .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(previous[k]))
    .map((k) => ({ field: k, before: previous[k], after: after[k] }));

  if (changes.length > 0) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(studentProfiles).set(after).where(eq(studentProfiles.userId, actor.id));
      await audit(tx, ctx, {
        action: 'student_profile.update',
        resourceType: 'student_profile',
        resourceId: actor.id,
        details: { changes },
      });
    });
  }
  return getMyProfile(ctx);
}
