/**
 * What the mobility services share: who an actor is for one mobility (home or host coordinator,
 * the student, the representative officer, the funder officer), which people a party stands for,
 * the credit system and grade scale of an institution, and the common recognition system (R16).
 */
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  agreementSignatures,
  agreementVersions,
  agreements,
  institutions,
  mobilities,
  roleAssignments,
} from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import type { Actor } from '#src/domain/access/policy.ts';
import type { MobilityActor, Party } from '#src/domain/mobility/mobility-workflow.ts';
import type { CreditSystemId } from '#src/domain/recognition/credit-systems.ts';
import type { LaParty } from '#src/domain/recognition/learning-agreement.ts';
import {
  defineRecognitionSystem,
  type RecognitionConsent,
  type RecognitionSystem,
} from '#src/domain/recognition/recognition-system.ts';
import { consortiumNames, institutionNames } from '#src/db/queries/names.ts';
import { membershipsOfInForce } from '#src/db/queries/memberships.ts';
import {
  refusal,
  type LocalizedText,
  type MessageParams,
  type Refusal,
} from '#src/domain/shared/refusal.ts';
import {
  conflict,
  fieldIssues,
  invalidField,
  notFound,
  ruleViolation,
  type AppError,
} from '../errors.ts';

export type MobilityRow = typeof mobilities.$inferSelect;

/** A mobility with what its access and notifications depend on. */
export interface MobilityScope {
  row: MobilityRow;
  /** Consortia the agreement's parties are, and consortia home or host belong to. */
  consortiumIds: string[];
  /** Consortia that are parties of the mobility's agreement (whose officers are told). */
  partyConsortiumIds: string[];
  programIds: string[];
}

/**
 * The scope of a mobility on `onDate` (today, for current access): its agreement's parties and the
 * consortia its home and host are members of on that date. An ended membership gives nothing.
 */
export async function loadScope(db: Db, row: MobilityRow, onDate: string): Promise<MobilityScope> {
  const partyConsortiumIds: string[] = [];
  const programIds: string[] = [];
  if (row.agreementId) {
    const [a] = await db.select().from(agreements).where(eq(agreements.id, row.agreementId));
    if (a) {
      if (a.partyAType === 'consortium') partyConsortiumIds.push(a.partyAId);
      if (a.partyBType === 'consortium') partyConsortiumIds.push(a.partyBId);
      if (a.programId) programIds.push(a.programId);
    }
  }
  const members = await membershipsOfInForce(db, [row.homeId, row.hostId], onDate);
  const consortiumIds = [
    ...new Set([...partyConsortiumIds, ...members.map((m) => m.consortiumId)]),
  ];
  return { row, consortiumIds, partyConsortiumIds, programIds };
}

export async function loadMobility(db: Db, id: string, lock = false): Promise<MobilityRow> {
  const q = db.select().from(mobilities).where(eq(mobilities.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('mobility', id);
  return row;
}

/**
 * The workflow actors this user is for the mobility: a coordinator of the home or host side
 * (derived from the institution scope), the student themself, an officer of the consortium or
 * program. A platform administrator may act as any of them.
 */
export function mobilityActors(actor: Actor | null, s: MobilityScope): MobilityActor[] {
  if (!actor) return [];
  const out: MobilityActor[] = [];
  const coordinatorOf = (institutionId: string) =>
    can(actor, 'mobility:manage', { type: 'mobility', institutionIds: [institutionId] });
  if (coordinatorOf(s.row.homeId)) out.push({ role: 'coordinator', side: 'home', id: actor.id });
  if (coordinatorOf(s.row.hostId)) out.push({ role: 'coordinator', side: 'host', id: actor.id });
  const isStudent =
    s.row.studentUserId !== null &&
    can(actor, 'person:read', { type: 'mobility', ownerUserId: s.row.studentUserId }) &&
    (actor.platformAdmin || s.row.studentUserId === actor.id);
  if (isStudent) out.push({ role: 'student', side: null, id: actor.id });
  if (can(actor, 'enrolment:confirm', { type: 'mobility', consortiumIds: s.consortiumIds })) {
    out.push({ role: 'rep_officer', side: null, id: actor.id });
  }
  if (
    s.programIds.length > 0 &&
    can(actor, 'advisory:manage', { type: 'mobility', programIds: s.programIds })
  ) {
    out.push({ role: 'funder_officer', side: null, id: actor.id });
  }
  return out;
}

/**
 * The actor's parts in this mobility. Someone with no part learns nothing, not even that it
 * exists: 404, as for every record out of scope (decision 001).
 */
export function requireActors(actor: Actor | null, s: MobilityScope): MobilityActor[] {
  const actors = mobilityActors(actor, s);
  if (actors.length === 0) throw notFound('mobility', s.row.id);
  return actors;
}

/** The learning-agreement parties this user may sign as. */
export function laParties(actors: readonly MobilityActor[]): LaParty[] {
  const out = new Set<LaParty>();
  for (const a of actors) {
    if (a.role === 'student') out.add('student');
    if (a.role === 'coordinator' && a.side) out.add(a.side);
  }
  return [...out];
}

async function usersWithRole(db: Db, role: string, scopeIds: readonly string[]) {
  if (scopeIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, role), inArray(roleAssignments.scopeId, [...scopeIds])));
  return rows.map((r) => r.userId);
}

/** The people a workflow party stands for (the acting user is left out). */
export async function usersOfParties(
  db: Db,
  s: MobilityScope,
  parties: readonly (Party | LaParty)[],
  except: string | null,
): Promise<string[]> {
  const ids: string[] = [];
  for (const p of new Set(parties)) {
    if (p === 'student' && s.row.studentUserId) ids.push(s.row.studentUserId);
    if (p === 'home_coordinator' || p === 'home')
      ids.push(...(await usersWithRole(db, 'coordinator', [s.row.homeId])));
    if (p === 'host_coordinator' || p === 'host')
      ids.push(...(await usersWithRole(db, 'coordinator', [s.row.hostId])));
    if (p === 'rep_officer') {
      const scope = s.partyConsortiumIds.length ? s.partyConsortiumIds : s.consortiumIds;
      ids.push(...(await usersWithRole(db, 'rep_officer', scope)));
    }
    if (p === 'funder_officer')
      ids.push(...(await usersWithRole(db, 'funder_officer', s.programIds)));
  }
  return [...new Set(ids)].filter((id) => id !== except);
}

export async function coordinatorsOf(db: Db, institutionIds: readonly string[]) {
  return usersWithRole(db, 'coordinator', institutionIds);
}

// ── Systems of an institution ────────────────────────────────────────────────────────────────

/** The credit system an institution counts in, by its country (R7: each keeps its own). */
export function creditSystemOfCountry(country: string): CreditSystemId {
  if (country === 'JP') return 'jp-tan-i';
  if (country === 'RU') return 'ru-ze';
  return 'ects';
}

/** The grade scale an institution prints on transcripts, by its country. */
export function gradeScaleOfCountry(country: string): string {
  if (country === 'JP') return 'jp-sabcf';
  if (country === 'RU') return 'ru-5';
  if (country === 'FR') return 'fr-20';
  return 'ects';
}

export interface InstitutionInfo {
  id: string;
  name: string;
  names: Record<string, string>;
  country: string;
  creditSystem: CreditSystemId;
  gradeScaleId: string;
}

export async function institutionInfo(db: Db, id: string): Promise<InstitutionInfo> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  if (!row) throw notFound('institution', id);
  return {
    id: row.id,
    name: row.name,
    names: row.names as Record<string, string>,
    country: row.country,
    creditSystem: creditSystemOfCountry(row.country),
    gradeScaleId: gradeScaleOfCountry(row.country),
  };
}

// ── The common recognition system (R7, R16) ──────────────────────────────────────────────────

type AgreementRow = typeof agreements.$inferSelect;

async function recognitionConsents(
  db: Db,
  a: AgreementRow,
  institutionIds: readonly string[],
): Promise<RecognitionConsent[]> {
  const [version] = await db
    .select()
    .from(agreementVersions)
    .where(
      and(eq(agreementVersions.agreementId, a.id), eq(agreementVersions.version, a.currentVersion)),
    );
  const clauses = (version?.content as { clauses?: { commonRecognition?: boolean } } | undefined)
    ?.clauses;
  if (!clauses?.commonRecognition) return [];
  const signatures = await db
    .select()
    .from(agreementSignatures)
    .where(eq(agreementSignatures.agreementId, a.id))
    .orderBy(desc(agreementSignatures.signedOn));
  // Both parties must have signed the clause: the later signature is the day it binds both.
  const parties = new Set(signatures.map((s) => s.party));
  if (!parties.has('A') || !parties.has('B')) return [];
  // Both signed, so there is a latest signature.
  const agreedOn = signatures[0]!.signedOn;
  return institutionIds.map((institutionId) => ({
    institutionId,
    via: 'agreement-clause' as const,
    documentRef: `agreement:${a.id}#clauses.commonRecognition`,
    agreedOn,
  }));
}

/**
 * R16 (003 §7(2)): the recognition system of a mobility's agreement. Members agreed to it by the
 * agreement's common-recognition clause (R7), signed by both parties; without the clause nobody
 * has agreed and every decision is refused.
 */
export async function recognitionSystemForAgreement(
  db: Db,
  agreementId: string | null,
  institutionIds: readonly string[],
): Promise<RecognitionSystem> {
  const [a] = agreementId
    ? await db.select().from(agreements).where(eq(agreements.id, agreementId))
    : [];
  const consents = a ? await recognitionConsents(db, a, institutionIds) : [];
  return defineRecognitionSystem({
    id: a ? `agreement:${a.id}` : 'none',
    name: { en: 'Common recognition system of the agreement' },
    description: { en: 'Dossier item 13 (003 §6(1) 13)): credits converted by hours of study' },
    gradeScaleIds: ['jp-sabcf', 'ru-5', 'fr-20', 'ects'],
    consents,
  });
}

/**
 * R16 for the Course Jukebox: the agreement between the two universities (institutions as
 * parties) that carries the common-recognition clause, if any.
 */
export async function recognitionSystemForPair(
  db: Db,
  homeId: string,
  hostId: string,
): Promise<RecognitionSystem> {
  const rows = await db
    .select()
    .from(agreements)
    .where(
      or(
        and(eq(agreements.partyAId, homeId), eq(agreements.partyBId, hostId)),
        and(eq(agreements.partyAId, hostId), eq(agreements.partyBId, homeId)),
      ),
    )
    .orderBy(asc(agreements.createdAt));
  for (const a of rows) {
    const consents = await recognitionConsents(db, a, [homeId, hostId]);
    if (consents.length > 0) {
      return defineRecognitionSystem({
        id: `agreement:${a.id}`,
        name: { en: 'Common recognition system of the agreement' },
        description: { en: 'Course Jukebox credits recognised under the partners’ agreement' },
        gradeScaleIds: ['jp-sabcf', 'ru-5', 'fr-20', 'ects'],
        consents,
      });
    }
  }
  return defineRecognitionSystem({
    id: 'none',
    name: { en: 'No common recognition system' },
    description: { en: 'No agreement between the two universities carries the clause' },
    gradeScaleIds: [],
  });
}

/** A zod error as the field paths the API reports (`body.entries[2].grade`). */
export const zodIssues = fieldIssues;

/** Params that name institutions or alliances by id: they go out as names, never as ids. */
const INSTITUTION_PARAMS = ['institution', 'home', 'host', 'institutions'];
const ALLIANCE_PARAMS = ['alliance'];

/**
 * A domain refusal as it goes out: `{ rule?, code, params, field? }` without the English message,
 * institutions and alliances named in every language they have.
 */
export async function named(
  db: Db,
  r: Refusal & { message?: string },
  field?: string,
): Promise<Refusal> {
  const ids = (keys: string[]) =>
    keys.flatMap((k) => {
      const v = r.params[k];
      return typeof v === 'string'
        ? [v]
        : Array.isArray(v)
          ? v.filter((x) => typeof x === 'string')
          : [];
    });
  const inst = await institutionNames(db, ids(INSTITUTION_PARAMS));
  const alliances = await consortiumNames(db, ids(ALLIANCE_PARAMS));
  const name = (map: Map<string, LocalizedText>, v: unknown) =>
    typeof v === 'string' ? (map.get(v) ?? { en: v }) : v;
  const params: Record<string, MessageParams[string]> = { ...r.params };
  for (const k of INSTITUTION_PARAMS) {
    const v = params[k];
    if (v === undefined || v === null) continue;
    params[k] = (
      Array.isArray(v) ? v.map((x) => name(inst, x)) : name(inst, v)
    ) as MessageParams[string];
  }
  for (const k of ALLIANCE_PARAMS) {
    const v = params[k];
    if (typeof v === 'string') params[k] = name(alliances, v) as LocalizedText;
  }
  return refusal(r.code, params, { rule: r.rule, field: field ?? r.field });
}

/** A 422 for domain refusals (named first). */
export async function refused(
  db: Db,
  rs: readonly (Refusal & { message?: string })[],
): Promise<AppError> {
  const out: Refusal[] = [];
  for (const r of rs) out.push(await named(db, r));
  return ruleViolation(
    out,
    rs
      .map((r) => r.message)
      .filter(Boolean)
      .join('; ') || undefined,
  );
}

/** A 409 for a domain refusal. */
export async function conflicting(db: Db, r: Refusal & { message?: string }): Promise<AppError> {
  return conflict(await named(db, r), r.message);
}

/** A 400 for one field, with a code of the refusal vocabulary and its params. */
export function invalid(
  field: string,
  code: string,
  params: MessageParams,
  message: string,
): AppError {
  return invalidField(field, refusal(code, params, { field }), message);
}
