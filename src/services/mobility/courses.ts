/**
 * Course catalogues per institution and organisational unit: code, title in its languages, level,
 * credits in the institution's own system, term, language of instruction, online or not; an online
 * course may be shared in an alliance's Course Jukebox (source document 004).
 */
import { todayOf } from '#src/services/clock.ts';
import { and, asc, eq } from 'drizzle-orm';
import { consortia, consortiumMembers, courses, orgUnits } from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import type { CreditSystemId } from '#src/domain/recognition/credit-systems.ts';
import type { LocalizedText, StudyLevel } from '#src/domain/recognition/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { institutionName } from '#src/db/queries/names.ts';
import { inForceOn } from '#src/domain/registry/membership.ts';
import { institutionInfo, invalid } from './common.ts';

export type CourseRow = typeof courses.$inferSelect;

export function courseView(c: CourseRow) {
  return {
    id: c.id,
    institutionId: c.institutionId,
    orgUnitId: c.orgUnitId,
    code: c.code,
    title: c.title,
    level: c.level as StudyLevel,
    credits: { value: c.credits, system: c.creditSystem as CreditSystemId },
    term: c.term,
    language: c.language,
    online: c.online,
    jukeboxAllianceId: c.jukeboxAllianceId,
  };
}

/** GET /institutions/:id/courses — the catalogue is public, like the registry. */
export async function listCourses(ctx: ServiceContext, institutionId: string) {
  const info = await institutionInfo(ctx.db, institutionId);
  const rows = await ctx.db
    .select()
    .from(courses)
    .where(eq(courses.institutionId, institutionId))
    .orderBy(asc(courses.code));
  return {
    institution: info,
    creditSystem: info.creditSystem,
    items: rows.map(courseView),
    may: {
      manage: can(ctx.actor, 'course:manage', {
        type: 'course',
        institutionIds: [institutionId],
      }),
    },
  };
}

export interface CourseInput {
  code: string;
  title: LocalizedText;
  level: StudyLevel;
  credits: number;
  term?: string | undefined;
  language?: string | undefined;
  online: boolean;
  orgUnitId?: string | undefined;
  jukeboxAllianceId?: string | undefined;
}

/** POST /institutions/:id/courses — a coordinator of that institution (`course:manage`). */
export async function createCourse(ctx: ServiceContext, institutionId: string, input: CourseInput) {
  if (!can(ctx.actor, 'course:manage', { type: 'course', institutionIds: [institutionId] })) {
    throw forbidden('manage the course catalogue of this institution');
  }
  const info = await institutionInfo(ctx.db, institutionId);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.institutionId, institutionId), eq(courses.code, input.code)));
    if (dup) {
      throw conflict(
        refusal('mobility.course_exists', { code: input.code }, { field: 'body.code' }),
        `course ${input.code} already exists`,
      );
    }
    if (input.orgUnitId) {
      const [unit] = await tx
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.id, input.orgUnitId), eq(orgUnits.institutionId, institutionId)));
      if (!unit) {
        throw invalid(
          'body.orgUnitId',
          'mobility.org_unit_unknown',
          { institution: await institutionName(tx, institutionId) },
          'not an organisational unit of this institution',
        );
      }
    }
    if (input.jukeboxAllianceId) {
      if (!input.online) {
        throw invalid(
          'body.jukeboxAllianceId',
          'mobility.jukebox_online_only',
          {},
          'the Course Jukebox shares online courses only',
        );
      }
      const [alliance] = await tx
        .select()
        .from(consortia)
        .where(eq(consortia.id, input.jukeboxAllianceId));
      const members = alliance
        ? await tx
            .select()
            .from(consortiumMembers)
            .where(eq(consortiumMembers.consortiumId, alliance.id))
        : [];
      const today = todayOf(ctx);
      const member = members.some((m) => m.institutionId === institutionId && inForceOn(m, today));
      if (alliance?.kind !== 'alliance' || !member) {
        throw invalid(
          'body.jukeboxAllianceId',
          'mobility.not_alliance_member',
          { institution: await institutionName(tx, institutionId) },
          'not an alliance this institution belongs to',
        );
      }
    }
    const [row] = await tx
      .insert(courses)
      .values({
        institutionId,
        orgUnitId: input.orgUnitId ?? null,
        code: input.code,
        title: input.title,
        level: input.level,
        credits: input.credits,
        creditSystem: info.creditSystem,
        term: input.term ?? null,
        language: input.language ?? null,
        online: input.online,
        jukeboxAllianceId: input.jukeboxAllianceId ?? null,
      })
      .returning();
    if (!row) throw new Error('course not created');
    await audit(tx, ctx, {
      action: 'course.created',
      resourceType: 'institution',
      resourceId: institutionId,
      details: { courseId: row.id, code: row.code },
    });
    return courseView(row);
  });
}
