/**
 * R16 (003 §7(2)): member universities agree on the qualifications and the standards and methods
 * of screening (§6(1) item 9) and on the recognition system (item 13) — preferably in the
 * agreement between the consortia, otherwise in an attached document certifying that every
 * member agreed. A rubric is used only when the screening consent is present.
 */
import type { RuleId } from '../shared/refusal.ts';

export interface AgreementClause {
  /** e.g. `common_screening` (item 9), `common_recognition` (item 13), `tuition_waiver`. */
  kind: string;
  /** Stipulated in the agreement itself, or in an attached consent document. */
  form: 'agreement' | 'attached_consent';
  /** Date the agreement or the consent was signed; `null` = a draft. */
  signedOn: string | null;
  /** Institutions that signed an attached consent (not read for `form: 'agreement'`). */
  signedBy: readonly string[];
}

/** The clause kind that carries the screening consent. */
export const SCREENING_CLAUSE = 'common_screening';

export type ConsentCheck =
  | { ok: true; via: 'agreement' | 'attached_consent'; signedOn: string }
  | {
      ok: false;
      rule: RuleId & 'R16';
      code:
        | 'calls.screening_consent_missing'
        | 'calls.screening_consent_unsigned'
        | 'calls.screening_consent_incomplete';
      /** English, for logs. */
      message: string;
      params: { missing?: string[] };
    };

/**
 * Is the screening consent present? `memberInstitutionIds` (every member of both consortia) is
 * needed to check that an attached consent was signed by all of them; without it an attached
 * consent is accepted once signed.
 */
export function checkConsentForRubric(
  clauses: readonly AgreementClause[],
  memberInstitutionIds?: readonly string[],
): ConsentCheck {
  const screening = clauses.filter((c) => c.kind === SCREENING_CLAUSE);
  const inAgreement = screening.find((c) => c.form === 'agreement' && c.signedOn !== null);
  if (inAgreement?.signedOn) return { ok: true, via: 'agreement', signedOn: inAgreement.signedOn };

  let best: { clause: AgreementClause; missing: string[] } | null = null;
  for (const clause of screening) {
    if (clause.form !== 'attached_consent' || clause.signedOn === null) continue;
    const missing = (memberInstitutionIds ?? []).filter((m) => !clause.signedBy.includes(m));
    if (missing.length === 0)
      return { ok: true, via: 'attached_consent', signedOn: clause.signedOn };
    if (!best || missing.length < best.missing.length) best = { clause, missing };
  }
  if (best) {
    return {
      ok: false,
      rule: 'R16',
      code: 'calls.screening_consent_incomplete',
      message: `the consent on common screening is not signed by every member: missing ${best.missing.join(', ')}`,
      params: { missing: best.missing },
    };
  }
  if (screening.length > 0) {
    return {
      ok: false,
      rule: 'R16',
      code: 'calls.screening_consent_unsigned',
      message: 'the consent on common screening is not signed yet',
      params: {},
    };
  }
  return {
    ok: false,
    rule: 'R16',
    code: 'calls.screening_consent_missing',
    message:
      'the agreement has no consent on common screening (003 §6(1) item 9): stipulate it in the agreement or attach a consent signed by every member',
    params: {},
  };
}
