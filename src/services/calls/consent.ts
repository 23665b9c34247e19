/**
 * R16 (003 §7(2)): a common screening rubric is used only once the consent on common screening of
 * its agreement is present, as a clause of the signed agreement or a consent document signed by
 * every member.
 */
import type { Db } from '#src/db/client.ts';
import { memberIdsEver } from '#src/db/queries/calls/calls.ts';
import { agreementClauseRecords } from '#src/db/queries/calls/consent.ts';
import type { StoredRubric } from '#src/domain/calls/call-content.ts';
import {
  checkConsentForRubric,
  type AgreementClause,
  type ConsentCheck,
  type Rubric,
} from '#src/domain/screening/index.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { notFound, ruleViolation } from '../errors.ts';
import { namedRefusals } from './refusals.ts';

/** The rubric as src/domain/screening reads it: without the call's panel. */
export const plainRubric = (r: StoredRubric): Rubric => {
  const { panel: _panel, ...rubric } = r;
  return rubric;
};

/** The consent records of R16 of the agreement in force (404 without the agreement). */
export async function agreementClauses(db: Db, agreementId: string): Promise<AgreementClause[]> {
  const clauses = await agreementClauseRecords(db, agreementId);
  if (!clauses) throw notFound('agreement', agreementId);
  return clauses;
}

/** R16: is the screening consent of the rubric's agreement present? */
export async function rubricConsent(db: Db, rubric: Rubric): Promise<ConsentCheck> {
  const members = await memberIdsEver(db, rubric.consortia);
  return checkConsentForRubric(await agreementClauses(db, rubric.agreementId), members);
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
