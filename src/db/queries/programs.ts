/**
 * Funder programs, their versioned rules (R1–R20 as data) and the project applications made to
 * them (R15, 003 §6): the only module that reads and writes these tables. Stored rules are parsed
 * on read (`rulesOf`), so that a row written under an older shape fails where it is read.
 */
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { searchCondition } from './search.ts';
import type { Db } from '../client.ts';
import { programRuleVersions, programs, projectApplications } from '../schema.ts';
import type { SupportState } from '#src/domain/program/checks.ts';
import {
  parseProgramRules,
  programRulesSchema,
  type ProgramRules,
} from '#src/domain/program/rules.ts';

export type ProgramRow = typeof programs.$inferSelect;
export type ProgramRuleVersionRow = typeof programRuleVersions.$inferSelect;
export type ProjectApplicationRow = typeof projectApplications.$inferSelect;
type ProjectApplicationColumns = typeof projectApplications.$inferInsert;
/** An application's columns as written, its support state as the domain's. */
export type ProjectApplicationValues = Omit<ProjectApplicationColumns, 'support'> & {
  support?: SupportState | null;
};

// ---------------------------------------------------------------------------------- programs

/** The program's rules as the domain reads them (a ZodError names a malformed field), or null. */
export const rulesOf = (row: Pick<ProgramRow, 'rules'>): ProgramRules | null =>
  row.rules ? parseProgramRules(row.rules) : null;

export const listProgramRows = (db: Db): Promise<ProgramRow[]> =>
  db.select().from(programs).orderBy(asc(programs.id));

export async function findProgram(db: Db, id: string): Promise<ProgramRow | undefined> {
  const [row] = await db.select().from(programs).where(eq(programs.id, id));
  return row;
}

/** Every version of a program's rules, oldest first. */
export const ruleVersionsOf = (db: Db, programId: string): Promise<ProgramRuleVersionRow[]> =>
  db
    .select()
    .from(programRuleVersions)
    .where(eq(programRuleVersions.programId, programId))
    .orderBy(asc(programRuleVersions.version));

/**
 * Every version of a program's rules as the domain reads them, oldest first (rulesOn picks the
 * one governing a date); empty when the program has none. A version that does not parse is left
 * out, for readers that go on without it (money shows a mobility without its program's rules).
 */
export async function programRuleHistory(db: Db, programId: string): Promise<ProgramRules[]> {
  const out: ProgramRules[] = [];
  for (const v of await ruleVersionsOf(db, programId)) {
    const parsed = programRulesSchema.safeParse(v.rules);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Stores new rules on the program and keeps them as its next version. */
export async function saveProgramRules(
  db: Db,
  programId: string,
  rules: ProgramRules,
  createdBy: string | null,
): Promise<void> {
  await db.update(programs).set({ rules }).where(eq(programs.id, programId));
  await db
    .insert(programRuleVersions)
    .values({ programId, version: rules.version, rules, createdBy });
}

// ---------------------------------------------------------------------- project applications

/** The support state of a selected project (R10), as the domain wrote it. */
export const supportOf = (row: Pick<ProjectApplicationRow, 'support'>): SupportState | null =>
  row.support;

const supportColumn = (support: SupportState | null) => support;

/** A run of the applications after `afterId`: of one program or all, searched by `q`. */
export interface ProjectApplicationPageFilter {
  programId?: string | undefined;
  /** Words of the id or the project's title, in any language (case and accents ignored). */
  q?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

/**
 * At most `limit` project applications by id after `afterId` (the primary key's order, or
 * `project_applications_program_idx` for one program); searched words match the folded id
 * and title (`project_applications_search_idx`).
 */
export function projectApplicationPage(
  db: Db,
  filter: ProjectApplicationPageFilter,
): Promise<ProjectApplicationRow[]> {
  const conditions: SQL[] = [];
  if (filter.programId) conditions.push(eq(projectApplications.programId, filter.programId));
  if (filter.q) {
    conditions.push(
      searchCondition(sql`${projectApplications.searchText}`, filter.q, { parts: true }),
    );
  }
  if (filter.afterId !== undefined) conditions.push(gt(projectApplications.id, filter.afterId));
  return db
    .select()
    .from(projectApplications)
    .where(and(...conditions))
    .orderBy(asc(projectApplications.id))
    .limit(filter.limit);
}

/** Project applications, of one program or all, by id. */
export const projectApplicationRows = (
  db: Db,
  filter: { programId?: string } = {},
): Promise<ProjectApplicationRow[]> =>
  db
    .select()
    .from(projectApplications)
    .where(filter.programId ? eq(projectApplications.programId, filter.programId) : undefined)
    .orderBy(asc(projectApplications.id));

export async function findProjectApplication(
  db: Db,
  id: string,
): Promise<ProjectApplicationRow | undefined> {
  const [row] = await db.select().from(projectApplications).where(eq(projectApplications.id, id));
  return row;
}

export async function projectApplicationExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projectApplications.id })
    .from(projectApplications)
    .where(eq(projectApplications.id, id));
  return row !== undefined;
}

export async function insertProjectApplication(
  db: Db,
  values: ProjectApplicationValues,
): Promise<void> {
  const { support, ...rest } = values;
  await db
    .insert(projectApplications)
    .values({ ...rest, ...(support !== undefined ? { support: supportColumn(support) } : {}) });
}

/** Changes an application; `whileStatus` changes it only while it is still in that status. */
export async function updateProjectApplication(
  db: Db,
  id: string,
  set: Partial<Omit<ProjectApplicationValues, 'id'>>,
  whileStatus?: string,
): Promise<void> {
  const { support, ...rest } = set;
  await db
    .update(projectApplications)
    .set({ ...rest, ...(support !== undefined ? { support: supportColumn(support) } : {}) })
    .where(
      whileStatus === undefined
        ? eq(projectApplications.id, id)
        : and(eq(projectApplications.id, id), eq(projectApplications.status, whileStatus)),
    );
}
