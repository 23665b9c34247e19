/**
 * The consent records R16 reads (src/domain/screening/consent.ts), from the agreement a call's
 * rubric names: its clauses in force and the consent documents attached to it.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { agreementSignatures, agreementVersions, agreements } from '../../schema.ts';
import type { AgreementClause } from '#src/domain/screening/index.ts';

/** What R16 reads of an agreement version's content. */
interface ConsentContent {
  clauses?: { commonScreening?: boolean; commonRecognition?: boolean };
  attachedConsents?: { kind: string; signedOn: string | null; signedBy: string[] }[];
}

/**
 * The clauses of the agreement in force, as the consent records of R16: a `commonScreening`
 * clause of a signed version is the consent stipulated in the agreement; `attachedConsents`
 * (optional) are consent documents signed by the members. Undefined when there is no agreement.
 */
export async function agreementClauseRecords(
  db: Db,
  agreementId: string,
): Promise<AgreementClause[] | undefined> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!row) return undefined;
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
  const content = inForce.content as ConsentContent;
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
