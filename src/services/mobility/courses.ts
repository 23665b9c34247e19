/**
 * Course catalogues per institution and organisational unit: code, title in its languages, level,
 * credits in the institution's own system, term, language of instruction, online or not; an online
 * course may be shared in an alliance's Course Jukebox (source document 004).
 */
import { todayOf } from '#src/services/clock.ts';
import {
  courseCodeTaken,
  coursesOf,
  findConsortium,
  insertCourse,
  isOrgUnitOf,
  membersOf,
  type CourseRow,
} from '#src/db/queries/mobility/courses.ts';
import { can, institutionsResource, requireAccess } from '../access.ts';
import type { CreditSystemId } from '#src/domain/recognition/credit-systems.ts';
import type { LocalizedText, StudyLevel } from '#src/domain/recognition/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { institutionName } from '#src/db/queries/names.ts';
import { inForceOn } from '#src/domain/registry/membership.ts';
import { institutionInfo } from './institution-systems.ts';
import { invalid } from './refusals.ts';

export type { CourseRow };

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
  requireAccess(ctx, 'registry:read', institutionsResource([institutionId]));
  const info = await institutionInfo(ctx.db, institutionId);
  const rows = await coursesOf(ctx.db, institutionId);
  return {
    institution: info,
    creditSystem: info.creditSystem,
    items: rows.map(courseView),
    may: {
      manage: can(ctx.actor, 'course:manage', institutionsResource([institutionId], 'course')),
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
  requireAccess(ctx, 'course:manage', institutionsResource([institutionId], 'course'), {
    doing: 'manage the course catalogue of this institution',
  });
  const info = await institutionInfo(ctx.db, institutionId);
  return ctx.db.transaction(async (tx) => {
    if (await courseCodeTaken(tx, institutionId, input.code)) {
      throw conflict(
        refusal('mobility.course_exists', { code: input.code }, { field: 'body.code' }),
        `course ${input.code} already exists`,
      );
    }
    if (input.orgUnitId) {
      if (!(await isOrgUnitOf(tx, input.orgUnitId, institutionId))) {
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
      const alliance = await findConsortium(tx, input.jukeboxAllianceId);
      const members = alliance ? await membersOf(tx, alliance.id) : [];
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
    const row = await insertCourse(tx, {
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
    });
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
