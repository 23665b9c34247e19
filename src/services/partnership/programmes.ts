/**
 * Degree programmes across institutions (double, dual, joint) with their curriculum split and
 * cohorts; a student's path links the mobilities it is made of and shows their recognitions; and
 * education boards, which join institutions, plan programmes and meet (their meetings are events,
 * created through the events area, with that area's minutes).
 */
import {
  boardInputSchema,
  cohortInputSchema,
  degreeProgrammeInputSchema,
  pathInputSchema,
  type BoardInput,
  type CohortInput,
  type DegreeProgrammeInput,
  type PathInput,
} from '#src/domain/partnership/kinds.ts';
import { PARTNERSHIP_CODES } from '#src/domain/partnership/refusal-codes.ts';
import { boardProblems, programmeProblems, splitCredits } from '#src/domain/partnership/rules.ts';
import type { EventKind } from '#src/domain/events/kinds.ts';
import { refusal, type LocalizedText } from '#src/domain/shared/refusal.ts';
import type { RecognitionDecision } from '#src/domain/recognition/recognition.ts';
import {
  cohortsOf,
  findBoard,
  findCohort,
  findPartnership,
  findProgramme,
  insertBoard,
  insertCohort,
  insertPath,
  insertProgramme,
  listBoardRows,
  listProgrammeRows,
  meetingsOf,
  mobilitiesOfPath,
  mobilityOwners,
  pathCounts,
  pathsOf,
  updateBoard,
  updateProgramme,
  type BoardRow,
  type ProgrammeRow,
} from '#src/db/queries/partnership.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { createEvent } from '../events/events.ts';
import {
  manages,
  namesFor,
  refusedFields,
  requireManage,
  seesPersonal,
  uniq,
  unknownInstitutions,
  unknownPeople,
} from './common.ts';

// -------------------------------------------------------------------------- degree programmes

const programmeScope = (p: {
  id?: string;
  institutionIds: readonly string[];
  createdBy?: string | null;
}) => ({
  type: 'degree programme',
  id: p.id,
  institutionIds: p.institutionIds,
  createdBy: p.createdBy ?? null,
});

async function programmeView(ctx: ServiceContext, p: ProgrammeRow, withPaths: boolean) {
  const cohorts = await cohortsOf(ctx.db, [p.id]);
  const counts = await pathCounts(
    ctx.db,
    cohorts.map((c) => c.id),
  );
  const paths = withPaths
    ? await pathsOf(
        ctx.db,
        cohorts.map((c) => c.id),
      )
    : [];
  // A path is personal: the programme's coordinators and the student themself read it.
  const visiblePaths = paths.filter((x) =>
    seesPersonal(ctx, { ...programmeScope(p), ownerUserId: x.userId }),
  );
  const stays = await mobilitiesOfPath(
    ctx.db,
    visiblePaths.flatMap((x) => x.mobilityIds),
  );
  const board = p.boardId ? await findBoard(ctx.db, p.boardId) : undefined;
  const names = await namesFor(
    ctx,
    uniq([...p.institutionIds, ...stays.flatMap((s) => [s.homeId, s.hostId])]),
    visiblePaths.map((x) => x.userId),
  );
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    partners: p.partners.map((x) => ({ ...x, name: names.institution(x.institutionId) })),
    field: p.field,
    level: p.level,
    split: p.split.map((s) => ({ ...s, name: names.institution(s.institutionId) })),
    totalCredits: splitCredits(p.split),
    languages: p.languages,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    board: board ? { id: board.id, name: board.name } : null,
    partnershipId: p.partnershipId,
    invented: p.invented,
    cohorts: cohorts.map((c) => ({
      id: c.id,
      intakeYear: c.intakeYear,
      enrolled: (counts.get(c.id) ?? 0) + c.enrolledWithoutAccount,
      graduated: c.graduated,
      invented: c.invented,
      paths: visiblePaths
        .filter((x) => x.cohortId === c.id)
        .map((x) => ({
          id: x.id,
          student: names.person({ userId: x.userId }) ?? {},
          mobilities: x.mobilityIds.flatMap((mid) => {
            const s = stays.find((m) => m.id === mid);
            return s
              ? [
                  {
                    id: s.id,
                    home: names.institution(s.homeId),
                    host: names.institution(s.hostId),
                    level: s.level,
                    startDate: s.startDate,
                    months: s.months,
                    status: s.status,
                    recognitions: s.recognitions.map((r) => {
                      const d = r.decision as RecognitionDecision;
                      return {
                        componentId: r.componentId,
                        hostCourseCode: d.hostCourseCode,
                        homeTitle: d.homeTitle,
                        outcome: d.outcome,
                        creditsRecognised: d.creditsRecognised as unknown,
                        decidedAt: r.decidedAt.toISOString(),
                      };
                    }),
                  },
                ]
              : [];
          }),
        })),
    })),
    may: { manage: manages(ctx, programmeScope(p)) },
  };
}

export async function listProgrammes(
  ctx: ServiceContext,
  query: { institutionId?: string; boardId?: string } = {},
) {
  const rows = await listProgrammeRows(ctx.db, {
    ...(query.institutionId ? { institutionIds: [query.institutionId] } : {}),
    ...(query.boardId ? { boardId: query.boardId } : {}),
  });
  return {
    items: await Promise.all(rows.map((p) => programmeView(ctx, p, false))),
    may: {
      create:
        ctx.actor !== null &&
        (ctx.actor.platformAdmin || ctx.actor.roles.some((r) => r.role === 'coordinator')),
    },
  };
}

export async function getProgramme(ctx: ServiceContext, id: string) {
  const p = await findProgramme(ctx.db, id);
  if (!p) throw notFound('degree programme', id);
  return programmeView(ctx, p, true);
}

async function programmeColumns(ctx: ServiceContext, raw: DegreeProgrammeInput) {
  const input = degreeProgrammeInputSchema.parse(raw);
  const problems = programmeProblems(input);
  problems.push(
    ...(await unknownInstitutions(
      ctx,
      input.partners.map((x) => x.institutionId),
      (i) => `partners.${i}.institutionId`,
    )),
  );
  if (input.boardId && !(await findBoard(ctx.db, input.boardId)))
    problems.push(
      refusal(PARTNERSHIP_CODES.unknownRecord, { id: input.boardId }, { field: 'boardId' }),
    );
  if (input.partnershipId && !(await findPartnership(ctx.db, input.partnershipId)))
    problems.push(
      refusal(
        PARTNERSHIP_CODES.unknownRecord,
        { id: input.partnershipId },
        { field: 'partnershipId' },
      ),
    );
  if (problems.length) throw refusedFields(problems);
  return {
    kind: input.kind,
    title: input.title,
    partners: input.partners,
    institutionIds: uniq(input.partners.map((x) => x.institutionId)),
    field: input.field,
    level: input.level,
    split: input.split,
    languages: input.languages,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    status: input.status,
    boardId: input.boardId ?? null,
    partnershipId: input.partnershipId ?? null,
  };
}

export async function createProgramme(ctx: ServiceContext, raw: DegreeProgrammeInput) {
  requireManage(
    ctx,
    programmeScope({ institutionIds: raw.partners.map((x) => x.institutionId) }),
    'create a degree programme of these institutions',
  );
  const values = await programmeColumns(ctx, raw);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertProgramme(tx, { ...values, createdBy: ctx.actor?.id ?? null });
    await audit(tx, ctx, {
      action: 'partnership.programme-create',
      resourceType: 'degree_programme',
      resourceId: id,
      after: values,
    });
    return id;
  });
  return getProgramme(ctx, id);
}

export async function updateProgrammeDetails(
  ctx: ServiceContext,
  id: string,
  raw: DegreeProgrammeInput,
) {
  const before = await findProgramme(ctx.db, id);
  if (!before) throw notFound('degree programme', id);
  requireManage(ctx, programmeScope(before), 'change this degree programme');
  requireManage(
    ctx,
    programmeScope({
      institutionIds: raw.partners.map((x) => x.institutionId),
      createdBy: before.createdBy,
    }),
    'name these partners',
  );
  const values = await programmeColumns(ctx, raw);
  await ctx.db.transaction(async (tx) => {
    await updateProgramme(tx, id, { ...values, updatedAt: ctx.clock.now() });
    const { id: _i, createdAt: _c, updatedAt: _u, createdBy: _b, invented: _v, ...old } = before;
    await audit(tx, ctx, {
      action: 'partnership.programme-update',
      resourceType: 'degree_programme',
      resourceId: id,
      before: old,
      after: values,
    });
  });
  return getProgramme(ctx, id);
}

export async function addCohort(ctx: ServiceContext, programmeId: string, raw: CohortInput) {
  const p = await findProgramme(ctx.db, programmeId);
  if (!p) throw notFound('degree programme', programmeId);
  requireManage(ctx, programmeScope(p), 'add a cohort to this degree programme');
  const input = cohortInputSchema.parse(raw);
  if (await findCohort(ctx.db, programmeId, input.intakeYear))
    throw conflict(
      refusal(
        PARTNERSHIP_CODES.cohortExists,
        { intakeYear: input.intakeYear },
        { field: 'intakeYear' },
      ),
    );
  await ctx.db.transaction(async (tx) => {
    const id = await insertCohort(tx, {
      programmeId,
      intakeYear: input.intakeYear,
      graduated: input.graduated,
      createdBy: ctx.actor?.id ?? null,
    });
    await audit(tx, ctx, {
      action: 'partnership.cohort-create',
      resourceType: 'degree_programme',
      resourceId: programmeId,
      details: { cohortId: id },
      after: { ...input },
    });
  });
  return getProgramme(ctx, programmeId);
}

/** A student enrolled in a cohort, with the mobilities of their path (their own mobilities). */
export async function addPath(ctx: ServiceContext, programmeId: string, raw: PathInput) {
  const p = await findProgramme(ctx.db, programmeId);
  if (!p) throw notFound('degree programme', programmeId);
  requireManage(ctx, programmeScope(p), 'enrol a student in this degree programme');
  const input = pathInputSchema.parse(raw);
  const problems = await unknownPeople(ctx, [
    { person: { userId: input.userId }, field: 'userId' },
  ]);
  const owners = await mobilityOwners(ctx.db, input.mobilityIds);
  input.mobilityIds.forEach((m, i) => {
    if (owners.get(m) !== input.userId)
      problems.push(
        refusal(PARTNERSHIP_CODES.unknownRecord, { id: m }, { field: `mobilityIds.${i}` }),
      );
  });
  const cohort = await findCohort(ctx.db, programmeId, input.intakeYear);
  if (!cohort)
    problems.push(
      refusal(
        PARTNERSHIP_CODES.unknownRecord,
        { id: String(input.intakeYear) },
        { field: 'intakeYear' },
      ),
    );
  if (problems.length || !cohort) throw refusedFields(problems);
  await ctx.db.transaction(async (tx) => {
    const id = await insertPath(tx, {
      cohortId: cohort.id,
      userId: input.userId,
      mobilityIds: input.mobilityIds,
      createdBy: ctx.actor?.id ?? null,
    });
    await audit(tx, ctx, {
      action: 'partnership.path-create',
      resourceType: 'degree_programme',
      resourceId: programmeId,
      details: { pathId: id, cohortId: cohort.id },
      after: { ...input },
    });
  });
  return getProgramme(ctx, programmeId);
}

// --------------------------------------------------------------------------- education boards

const boardScope = (b: {
  id?: string;
  institutionIds: readonly string[];
  createdBy?: string | null;
}) => ({
  type: 'education board',
  id: b.id,
  institutionIds: b.institutionIds,
  createdBy: b.createdBy ?? null,
});

async function boardView(ctx: ServiceContext, b: BoardRow, full: boolean) {
  // Members' names are read within the board's institutions (and by the member themself).
  const [meetings, planned] = full
    ? await Promise.all([
        meetingsOf(ctx.db, b.meetingEventIds),
        listProgrammeRows(ctx.db, { boardId: b.id }),
      ])
    : [[], []];
  const visible = (m: { userId?: string | null | undefined }) =>
    seesPersonal(ctx, { ...boardScope(b), ownerUserId: m.userId ?? null });
  const names = await namesFor(
    ctx,
    uniq([...b.institutionIds, ...b.members.map((m) => m.institutionId)]),
    b.members.filter(visible).map((m) => m.userId),
  );
  return {
    id: b.id,
    name: b.name,
    purpose: b.purpose,
    institutions: b.institutionIds.map((id) => ({ id, name: names.institution(id) })),
    members: b.members.map((m) => ({
      institutionId: m.institutionId,
      institution: names.institution(m.institutionId),
      role: m.role,
      name: visible(m) ? names.person(m) : null,
    })),
    meetings: meetings
      .filter((e) => e.visibility === 'public' || ctx.actor !== null)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        city: e.city,
      })),
    plannedProgrammes: planned.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      level: p.level,
      status: p.status,
    })),
    invented: b.invented,
    may: { manage: manages(ctx, boardScope(b)) },
  };
}

export async function listBoards(ctx: ServiceContext, query: { institutionId?: string } = {}) {
  const rows = await listBoardRows(ctx.db, query.institutionId ? [query.institutionId] : undefined);
  return { items: await Promise.all(rows.map((b) => boardView(ctx, b, false))) };
}

export async function getBoard(ctx: ServiceContext, id: string) {
  const b = await findBoard(ctx.db, id);
  if (!b) throw notFound('education board', id);
  return boardView(ctx, b, true);
}

async function boardColumns(ctx: ServiceContext, raw: BoardInput) {
  const input = boardInputSchema.parse(raw);
  const problems = boardProblems(input);
  problems.push(
    ...(await unknownInstitutions(ctx, input.institutionIds, (i) => `institutionIds.${i}`)),
    ...(await unknownPeople(
      ctx,
      input.members.map((m, i) => ({ person: m, field: `members.${i}.userId` })),
    )),
  );
  if (problems.length) throw refusedFields(problems);
  return {
    name: input.name,
    purpose: input.purpose,
    institutionIds: uniq(input.institutionIds),
    members: input.members,
  };
}

export async function createBoard(ctx: ServiceContext, raw: BoardInput) {
  requireManage(
    ctx,
    boardScope({ institutionIds: raw.institutionIds }),
    'create a board of these institutions',
  );
  const values = await boardColumns(ctx, raw);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertBoard(tx, { ...values, createdBy: ctx.actor?.id ?? null });
    await audit(tx, ctx, {
      action: 'partnership.board-create',
      resourceType: 'education_board',
      resourceId: id,
      after: values,
    });
    return id;
  });
  return getBoard(ctx, id);
}

export async function updateBoardDetails(ctx: ServiceContext, id: string, raw: BoardInput) {
  const before = await findBoard(ctx.db, id);
  if (!before) throw notFound('education board', id);
  requireManage(ctx, boardScope(before), 'change this board');
  requireManage(
    ctx,
    boardScope({ institutionIds: raw.institutionIds, createdBy: before.createdBy }),
    'name these institutions',
  );
  const values = await boardColumns(ctx, raw);
  await ctx.db.transaction(async (tx) => {
    await updateBoard(tx, id, { ...values, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: 'partnership.board-update',
      resourceType: 'education_board',
      resourceId: id,
      before: {
        name: before.name,
        purpose: before.purpose,
        institutionIds: before.institutionIds,
        members: before.members,
      },
      after: values,
    });
  });
  return getBoard(ctx, id);
}

export interface MeetingInput {
  kind?: EventKind;
  title: LocalizedText;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  mode: 'in_person' | 'online' | 'hybrid';
  city?: string | null;
  country?: string | null;
  visibility?: 'public' | 'members';
}

/**
 * A meeting of the board: an event organised by the board's institutions, created through the
 * events area (its minutes are the event's), then listed among the board's meetings.
 */
export async function addMeeting(ctx: ServiceContext, boardId: string, input: MeetingInput) {
  const b = await findBoard(ctx.db, boardId);
  if (!b) throw notFound('education board', boardId);
  requireManage(ctx, boardScope(b), 'add a meeting of this board');
  const event = await createEvent(ctx, {
    kind: input.kind ?? 'workshop',
    title: input.title,
    timeZone: input.timeZone,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    mode: input.mode,
    city: input.city ?? null,
    country: input.country ?? null,
    organisers: b.institutionIds.map((id) => ({ type: 'institution' as const, id })),
    visibility: input.visibility ?? 'members',
  });
  await ctx.db.transaction(async (tx) => {
    await updateBoard(tx, boardId, {
      meetingEventIds: [...b.meetingEventIds, event.id],
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, {
      action: 'partnership.board-meeting-add',
      resourceType: 'education_board',
      resourceId: boardId,
      details: { eventId: event.id },
    });
  });
  return getBoard(ctx, boardId);
}
