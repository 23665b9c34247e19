/**
 * The common recognition system (R7, R16) a mobility or a Course Jukebox enrolment is decided
 * under: the one its agreement's common-recognition clause binds both parties to.
 */
import type { Db } from '#src/db/client.ts';
import {
  agreementsBetween,
  findAgreement,
  hasCommonRecognitionClause,
  signaturesOf,
  type AgreementRow,
} from '#src/db/queries/mobility/recognition.ts';
import {
  defineRecognitionSystem,
  type RecognitionConsent,
  type RecognitionSystem,
} from '#src/domain/recognition/recognition-system.ts';

async function recognitionConsents(
  db: Db,
  a: AgreementRow,
  institutionIds: readonly string[],
): Promise<RecognitionConsent[]> {
  if (!(await hasCommonRecognitionClause(db, a))) return [];
  const signatures = await signaturesOf(db, a.id);
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
  const a = agreementId ? await findAgreement(db, agreementId) : undefined;
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
  for (const a of await agreementsBetween(db, homeId, hostId)) {
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
