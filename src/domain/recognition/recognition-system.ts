/**
 * The common recognition system of a consortium or an alliance: the credit conversion policy and
 * grade scales its members use, and the record that each member agreed to it.
 *
 * R7 (003 §5(7)): "A recognition system common to universities participating in the project
 * should be established." It is item 13 of the application dossier (003 §6(1) 13)).
 * R16 (003 §7(2)): member universities agree on items 9) and 13); the agreement between the
 * consortia should say so, otherwise a document certifying their agreement is attached.
 */
import { DEFAULT_CREDIT_POLICY } from './credit-systems.ts';
import type { CreditConversionPolicy } from './credit-systems.ts';
import { refuse } from './types.ts';
import type { LocalizedText, Refusal } from './types.ts';

/** How a member agreed: a clause of the exchange agreement, or an attached consent (R16). */
export type RecognitionConsent = {
  institutionId: string;
  via: 'agreement-clause' | 'attached-consent';
  /** The agreement clause or the consent document (a file id). */
  documentRef: string;
  /** ISO date. */
  agreedOn: string;
};

export type RecognitionSystem = {
  id: string;
  name: LocalizedText;
  /** The text of dossier item 13 (003 §6(1) 13)), in the languages given. */
  description: LocalizedText;
  creditPolicy: CreditConversionPolicy;
  /** Grade scale ids in use by the members (see `grade-scales.ts`). */
  gradeScaleIds: readonly string[];
  /** Percentile conversion when distributions are published (EGRACONS), else scale mapping. */
  gradeMethod: 'percentile-when-published' | 'scale-mapping';
  consents: readonly RecognitionConsent[];
};

export function defineRecognitionSystem(
  input: Omit<RecognitionSystem, 'creditPolicy' | 'gradeMethod' | 'consents'> &
    Partial<Pick<RecognitionSystem, 'creditPolicy' | 'gradeMethod' | 'consents'>>,
): RecognitionSystem {
  return {
    creditPolicy: DEFAULT_CREDIT_POLICY,
    gradeMethod: 'percentile-when-published',
    consents: [],
    ...input,
  };
}

export type AgreementCheck =
  | { agreed: true }
  | { agreed: false; missing: string[]; reasons: Refusal<'recognition.system_not_agreed'>[] };

/**
 * R16: every member has agreed to the recognition system (by a clause or an attached consent) on
 * or before `on` (ISO date). Lists the members still missing.
 */
export function checkRecognitionAgreed(
  system: RecognitionSystem,
  memberInstitutionIds: readonly string[],
  on: string,
): AgreementCheck {
  const missing = memberInstitutionIds.filter(
    (id) => !system.consents.some((c) => c.institutionId === id && c.agreedOn <= on),
  );
  if (missing.length === 0) return { agreed: true };
  return {
    agreed: false,
    missing,
    reasons: missing.map((id) =>
      refuse(
        'recognition.system_not_agreed',
        `${id} has not agreed to the recognition system ${system.id} (003 §7(2)): add the agreement clause or attach its consent`,
        { institutions: [id] },
        { rule: 'R16' },
      ),
    ),
  };
}

/** Adds (or replaces) a member's consent; returns a new system. */
export function recordConsent(
  system: RecognitionSystem,
  consent: RecognitionConsent,
): RecognitionSystem {
  return {
    ...system,
    consents: [
      ...system.consents.filter((c) => c.institutionId !== consent.institutionId),
      consent,
    ],
  };
}
