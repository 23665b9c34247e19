/**
 * The student's own profile: what the eligibility check reads — level (R3), enrolment, residence
 * status in Japan (R9), languages with CEFR levels, and the grade with its scale (R6 normalises
 * it). The student edits their languages; the home university, the level, the enrolment, the
 * residence status and the grade are the university's register, recorded by it
 * (student-record.ts) and not editable here: the rules judge the register, not a declaration.
 * Every change is audited with its before and after.
 */
import type { z } from 'zod';
import { findStudentProfile, updateStudentProfile } from '#src/db/queries/calls/applications.ts';
import { ownResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  AppError,
  fieldIssues,
  invalidField,
  invalidInput,
  notFound,
  type FieldIssue,
} from '../errors.ts';
import { refusal, type MessageParams } from '#src/domain/shared/refusal.ts';
import { getMyProfile } from './applications.ts';

/** Fields the student may not change: the university sets them. */
const LOCKED = ['homeId', 'userId', 'nationality', 'invented'] as const;

export { profileEditSchema, type ProfileEdit } from '#src/domain/calls/call-content.ts';
import { profileEditSchema, type ProfileEdit } from '#src/domain/calls/call-content.ts';

function parseEdit(raw: unknown): ProfileEdit {
  let input = raw;
  if (typeof raw === 'object' && raw !== null && 'home' in raw) {
    // The home university's name comes with the profile read; sent back, it is read-only.
    const { home: _home, ...rest } = raw as Record<string, unknown>;
    input = rest;
  }
  if (typeof input === 'object' && input !== null) {
    const locked = LOCKED.filter((k) => k in input);
    if (locked.length > 0) {
      throw invalidInput(
        locked.map((k) => ({
          field: `body.${k}`,
          code: k === 'homeId' ? 'calls.home_locked' : 'calls.field_locked',
          params: {},
          message:
            k === 'homeId'
              ? 'your home university is set by your university and cannot be changed here'
              : 'not editable by the student',
        })),
      );
    }
  }
  const parsed = profileEditSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(profileIssues(parsed.error));
  return parsed.data;
}

/** Zod's issues, with this area's codes and params for its own checks. */
function profileIssues(error: z.ZodError): FieldIssue[] {
  return fieldIssues(error, 'body').map((issue, i) => {
    const raw = error.issues[i] as { code: string; params?: Record<string, unknown> };
    if (raw.code !== 'custom' || typeof raw.params?.refusal !== 'string') return issue;
    const { refusal: code, ...params } = raw.params;
    return { ...issue, code, params: params as MessageParams };
  });
}

/** Replaces the editable part of the signed-in student's profile; audited with the changes. */
export async function updateMyProfile(ctx: ServiceContext, input: unknown) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'sign in first');
  requireAccess(ctx, 'call:apply', ownResource(actor.id, 'application'), {
    doing: 'edit a student profile (students only)',
  });
  const edit = parseEdit(input);
  const before = await findStudentProfile(ctx.db, actor.id);
  if (!before) throw notFound('student profile', actor.id);
  if (edit.residenceStatus !== undefined && edit.residenceStatus !== before.residenceStatus) {
    throw invalidField(
      'body.residenceStatus',
      refusal('calls.residence_status_locked', {}, { rule: 'R9' }),
      'your residence status is recorded by your university (R9 reads it); ask your coordinator to correct it',
    );
  }
  const storedGrade = before.grade
    ? { scale: before.grade.scale, value: Number(before.grade.value) }
    : null;
  if (JSON.stringify(edit.grade) !== JSON.stringify(storedGrade)) {
    throw invalidField(
      'body.grade',
      refusal('calls.grade_locked', {}, { rule: 'R6' }),
      'your grade is recorded by your university (R6 weighs it); ask your coordinator to correct it',
    );
  }

  if (edit.level !== before.level) {
    throw invalidField(
      'body.level',
      refusal('calls.level_locked', {}, { rule: 'R3' }),
      'your level of study is recorded by your university (R3 reads it); ask your coordinator to correct it',
    );
  }
  if (
    edit.enrolmentStatus !== before.enrolmentStatus ||
    (edit.enrolmentUntil ?? null) !== (before.enrolmentUntil ?? null)
  ) {
    throw invalidField(
      edit.enrolmentStatus !== before.enrolmentStatus
        ? 'body.enrolmentStatus'
        : 'body.enrolmentUntil',
      refusal('calls.enrolment_locked'),
      'your enrolment is recorded by your university; ask your coordinator to correct it',
    );
  }

  const after = {
    level: before.level,
    enrolmentStatus: before.enrolmentStatus,
    enrolmentUntil: before.enrolmentUntil,
    residenceStatus: before.residenceStatus,
    languages: edit.languages,
    grade: storedGrade,
  };
  const previous = {
    level: before.level,
    enrolmentStatus: before.enrolmentStatus,
    enrolmentUntil: before.enrolmentUntil,
    residenceStatus: before.residenceStatus,
    // jsonb reorders keys: rebuild the objects so that the comparison below sees values only.
    languages: before.languages.map((l) => ({ language: l.language, level: l.level })),
    grade: storedGrade,
  };
  const changed = (Object.keys(after) as (keyof typeof after)[]).some(
    (k) => JSON.stringify(after[k]) !== JSON.stringify(previous[k]),
  );

  if (changed) {
    await ctx.db.transaction(async (tx) => {
      await updateStudentProfile(tx, actor.id, after);
      await audit(tx, ctx, {
        action: 'student_profile.update',
        resourceType: 'student_profile',
        resourceId: actor.id,
        before: previous,
        after,
      });
    });
  }
  return getMyProfile(ctx);
}
