/**
 * Rows ↔ domain for calls: a call row becomes the eligibility call of src/domain/eligibility, the
 * program's rules become its eligibility rules (R3, R9, R12), and the agreement's clauses become
 * the consent records R16 reads (src/domain/screening/consent.ts).
 */
import { inForceOn } from '#src/domain/registry/membership.ts';
import { todayOf } from '#src/services/clock.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import type { ServiceContext } from '../context.ts';
import {
  agreementSignatures,
  agreementVersions,
  agreements,
  calls,
  consortia,
  consortiumMembers,
  institutions,
  roleAssignments,
} from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import type { Actor, Resource } from '#src/domain/access/policy.ts';
import {
  callHostSchema,
  type CallHost,
  type EligibilityCall,
  type EligibilityRules,
  type SendingConsortium,
} from '#src/domain/eligibility/index.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import {
  checkConsentForRubric,
  type AgreementClause,
  type ConsentCheck,
  type Rubric,
} from '#src/domain/screening/index.ts';
import { loadRules } from '../programs/programs.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { namedRefusals } from './refusals.ts';
import { z } from 'zod';

export type CallRow = typeof calls.$inferSelect;

export {
  callDocumentSchema,
  storedRubricSchema,
  type CallDocument,
  type StoredRubric,
} from '#src/domain/calls/call-content.ts';
import {
  callDocumentSchema,
  storedRubricSchema,
  type CallDocument,
  type StoredRubric,
} from '#src/domain/calls/call-content.ts';

export const hostsOf = (row: CallRow): CallHost[] => z.array(callHostSchema).parse(row.hosts);
export const documentsOf = (row: CallRow): CallDocument[] =>
  z.array(callDocumentSchema).parse(row.documents);
export function rubricOf(row: CallRow): StoredRubric | null {
  return row.rubric ? storedRubricSchema.parse(row.rubric) : null;
}
export const plainRubric = (r: StoredRubric): Rubric => {
  const { panel: _panel, ...rubric } = r;
  return rubric;
};

export async function loadCall(db: Db, id: string): Promise<CallRow> {
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  if (!row) throw notFound('call', id);
  return row;
}

/** Members over time of the sending consortia. */
export async function loadSendingConsortia(
  db: Db,
  ids: readonly string[],
): Promise<SendingConsortium[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(consortiumMembers)
    .where(inArray(consortiumMembers.consortiumId, [...ids]))
    .orderBy(asc(consortiumMembers.institutionId));
  return ids.map((id) => ({
    id,
    members: rows
      .filter((r) => r.consortiumId === id)
      .map((r) => ({ institutionId: r.institutionId, joinedOn: r.joinedOn, leftOn: r.leftOn })),
  }));
}

export function toEligibilityCall(row: CallRow, sending: SendingConsortium[]): EligibilityCall {
  return {
    id: row.id,
    opens: row.opens,
    closes: row.closes,
    departureWindow:
      row.departureFrom && row.departureTo
        ? { from: row.departureFrom, to: row.departureTo }
        : null,
    stayMonths:
      row.stayMonthsMin !== null && row.stayMonthsMax !== null
        ? { min: row.stayMonthsMin, max: row.stayMonthsMax }
        : null,
    sendingConsortia: sending,
    hosts: hostsOf(row),
    maxRankedHosts: row.maxRankedHosts,
  };
}

/** The program's rules that eligibility reads: R3 levels, R12 stay, R9 exchange student. */
export function toEligibilityRules(rules: ProgramRules): EligibilityRules {
  return {
    targetedLevels: rules.levels,
    stayMonths: rules.stayMonths,
    exchangeStudent: {
      dispatchedFromCountries: [rules.eligibility.dispatchedFromCountry],
      excludedResidenceStatuses: rules.eligibility.excludedResidenceStatuses,
    },
    enrolmentStatuses: ['enrolled'],
  };
}

export async function loadProgramRules(db: Db, row: CallRow): Promise<ProgramRules> {
  if (!row.programId) {
    throw conflict(
      refusal('calls.call_without_program', { call: row.title }),
      `call "${row.id}" has no program`,
    );
  }
  return loadRules(db, row.programId);
}

/** Today on the clock of a call's program (R18: deadlines are the funder's days; Tokyo if none). */
export async function todayForCall(ctx: ServiceContext, row: CallRow): Promise<string> {
  const rules = row.programId ? await loadProgramRules(ctx.db, row).catch(() => null) : null;
  return todayOf(ctx, rules?.call.utcOffset ?? '+09:00');
}

/** The members of the sending consortia in force on `onDate` (today: who acts for the call now). */
export function sendingMembersOn(sending: SendingConsortium[], onDate: string): string[] {
  return sending.flatMap((c) =>
    c.members.filter((m) => inForceOn(m, onDate)).map((m) => m.institutionId),
  );
}

/** Every institution of a call today: the members of its sending consortia and its hosts. */
export function callInstitutionIds(
  row: CallRow,
  sending: SendingConsortium[],
  onDate: string,
): string[] {
  return [
    ...new Set([...sendingMembersOn(sending, onDate), ...hostsOf(row).map((h) => h.institutionId)]),
  ];
}

/** The access resource of a call: its sending consortia and every university of it. */
export function callResource(row: CallRow, sending: SendingConsortium[], onDate: string): Resource {
  return {
    type: 'call',
    callIds: [row.id],
    consortiumIds: row.sendingConsortiumIds,
    institutionIds: callInstitutionIds(row, sending, onDate),
    programIds: row.programId ? [row.programId] : [],
  };
}

/** Coordinators and rep officers of the sending side may create and edit a call. */
export function mayManageCall(
  actor: Actor | null,
  row: CallRow,
  sending: SendingConsortium[],
  onDate: string,
) {
  return can(actor, 'call:manage', {
    type: 'call',
    consortiumIds: row.sendingConsortiumIds,
    institutionIds: sendingMembersOn(sending, onDate),
  });
}

/**
 * May score applicants of the call (R6): a reviewer scoped to the call, or a coordinator of one
 * of the call's sending or host institutions.
 */
export function mayScore(
  actor: Actor | null,
  row: CallRow,
  sending: SendingConsortium[],
  onDate: string,
) {
  if (can(actor, 'score:write', { type: 'call', callIds: [row.id] })) return true;
  return can(actor, 'call:manage', {
    type: 'call',
    institutionIds: callInstitutionIds(row, sending, onDate),
  });
}

/** May see the applicants, their documents and the rank list of the call (staff only). */
export function mayReadApplicants(
  actor: Actor | null,
  row: CallRow,
  sending: SendingConsortium[],
  onDate: string,
) {
  return mayManageCall(actor, row, sending, onDate) || mayScore(actor, row, sending, onDate);
}

/**
 * The institutions a scorer belongs to (R6): institution-scoped roles, and the call panel's entry
 * for a call-scoped reviewer.
 */
export async function scorerInstitutions(
  db: Db,
  userId: string,
  rubric: StoredRubric | null,
): Promise<string[]> {
  const rows = await db
    .select({ scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.scopeType, 'institution')));
  const panel = rubric?.panel.find((p) => p.userId === userId)?.institutionIds ?? [];
  return [...new Set([...rows.map((r) => r.scopeId), ...panel])];
}

/**
 * The clauses of the agreement in force, as the consent records of R16: a `commonScreening`
 * clause of a signed version is the consent stipulated in the agreement; `attachedConsents`
 * (optional) are consent documents signed by the members.
 */
export async function agreementClauses(db: Db, agreementId: string): Promise<AgreementClause[]> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!row) throw notFound('agreement', agreementId);
  const versions = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(asc(agreementVersions.version));
  const signatures = await db
    .select()
    .from(agreementSignatures)
    .where(eq(agreementSignatures.agreementId, agreementId));
  // The latest version signed by both parties is the one in force; else the latest (a draft).
  const signed = versions.filter(
    (v) => new Set(signatures.filter((s) => s.version === v.version).map((s) => s.party)).size >= 2,
  );
  const inForce = signed.at(-1) ?? versions.at(-1);
  if (!inForce) return [];
  const signedOn = signed.includes(inForce)
    ? signatures
        .filter((s) => s.version === inForce.version)
        .map((s) => s.signedOn)
        .sort()
        .at(-1)
    : undefined;
  const content = inForce.content as {
    clauses?: { commonScreening?: boolean; commonRecognition?: boolean };
    attachedConsents?: { kind: string; signedOn: string | null; signedBy: string[] }[];
  };
  const clauses: AgreementClause[] = [];
  if (content.clauses?.commonScreening) {
    clauses.push({
      kind: 'common_screening',
      form: 'agreement',
      signedOn: signedOn ?? null,
      signedBy: [],
    });
  }
  if (content.clauses?.commonRecognition) {
    clauses.push({
      kind: 'common_recognition',
      form: 'agreement',
      signedOn: signedOn ?? null,
      signedBy: [],
    });
  }
  for (const c of content.attachedConsents ?? []) {
    clauses.push({
      kind: c.kind,
      form: 'attached_consent',
      signedOn: c.signedOn,
      signedBy: c.signedBy,
    });
  }
  return clauses;
}

/** R16: is the screening consent of the rubric's agreement present? */
export async function rubricConsent(db: Db, rubric: Rubric): Promise<ConsentCheck> {
  const members = await db
    .select({ id: consortiumMembers.institutionId })
    .from(consortiumMembers)
    .where(inArray(consortiumMembers.consortiumId, [...rubric.consortia]));
  return checkConsentForRubric(
    await agreementClauses(db, rubric.agreementId),
    members.map((m) => m.id),
  );
}

/** Throws 422 naming R16 unless the rubric may be used. */
export async function requireConsent(db: Db, rubric: Rubric): Promise<ConsentCheck & { ok: true }> {
  const check = await rubricConsent(db, rubric);
  if (!check.ok) {
    const refusals = await namedRefusals(db, [
      refusal(check.code, check.params, { rule: check.rule }),
    ]);
    throw ruleViolation(refusals, `R16: ${check.message}`);
  }
  return check;
}

/** Countries and consortia of the call's institutions, for names and sides. */
export async function institutionInfo(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, typeof institutions.$inferSelect>();
  const rows = await db
    .select()
    .from(institutions)
    .where(inArray(institutions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function consortiumSides(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string | null>();
  const rows = await db
    .select({ id: consortia.id, side: consortia.side })
    .from(consortia)
    .where(inArray(consortia.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.side]));
}

/** User ids holding `role` scoped to one of `scopeIds` (e.g. coordinators of institutions). */
export async function usersWithRole(
  db: Db,
  role: string,
  scopeIds: readonly string[],
): Promise<string[]> {
  if (scopeIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, role), inArray(roleAssignments.scopeId, [...scopeIds])));
  return [...new Set(rows.map((r) => r.userId))];
}
