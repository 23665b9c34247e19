import type { AgreementContent } from '#src/domain/agreement/agreement.ts';
import type { Db } from '#src/db/client.ts';
import { agreementSignatures, agreementVersions, agreements } from '#src/db/schema.ts';
import { aConsortium } from './registry.ts';
import { next } from './sequence.ts';

export interface PartyInput {
  type: 'institution' | 'consortium';
  id: string;
}

export interface AgreementInput {
  /** party A; a new Japanese consortium when not given */
  partyA?: PartyInput;
  /** party B; a new Russian consortium when not given */
  partyB?: PartyInput;
  /** the program the agreement serves (id or factory program), or none */
  program?: string | { id: string } | null;
  /** `active` (the default) or `terminated`, signed by both parties; `draft` (no signature) */
  status?: 'active' | 'draft' | 'terminated';
  /** the parties that signed version 1: both unless a draft (then none) */
  signedBy?: readonly ('A' | 'B')[];
  /** changes to the default content */
  content?: Partial<AgreementContent>;
}

export interface FactoryAgreement {
  id: string;
  partyA: PartyInput;
  partyB: PartyInput;
  programId: string | null;
  content: Record<string, unknown>;
}

/** The content of an agreement both ways, all levels, valid 2014-10 to 2099-03. */
export function agreementContent(n: number): AgreementContent {
  return {
    title: `Test student exchange agreement ${n}`,
    validFrom: '2014-10-01',
    validTo: '2099-03-31',
    clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
    directions: (['A', 'B'] as const).map((from) => ({
      from,
      levels: ['bachelor', 'master', 'doctor'],
      fields: ['0533'],
      languages: [{ language: 'en', cefr: 'B2' }],
      quotas: [2027, 2028].map((academicYear) => ({ academicYear, students: 6, months: 36 })),
    })),
    balanceTolerance: { students: 1, months: 6 },
  };
}

/**
 * An agreement between two parties (new consortia by default), signed by both unless a draft or
 * `signedBy` says otherwise.
 */
export async function anAgreement(db: Db, input: AgreementInput = {}): Promise<FactoryAgreement> {
  const n = next();
  const partyA = input.partyA ?? {
    type: 'consortium' as const,
    id: (await aConsortium(db, { side: 'JP' })).id,
  };
  const partyB = input.partyB ?? {
    type: 'consortium' as const,
    id: (await aConsortium(db, { side: 'RU' })).id,
  };
  const programId =
    input.program === undefined || input.program === null
      ? null
      : typeof input.program === 'string'
        ? input.program
        : input.program.id;
  const status = input.status ?? 'active';
  const content = { ...agreementContent(n), ...input.content };
  const [row] = await db
    .insert(agreements)
    .values({
      partyAType: partyA.type,
      partyAId: partyA.id,
      partyBType: partyB.type,
      partyBId: partyB.id,
      programId,
      status,
    })
    .returning({ id: agreements.id });
  if (!row) throw new Error('could not create an agreement');
  await db
    .insert(agreementVersions)
    .values({ agreementId: row.id, version: 1, kind: 'draft', content });
  const signedBy = input.signedBy ?? (status === 'draft' ? [] : (['A', 'B'] as const));
  if (signedBy.length > 0) {
    await db.insert(agreementSignatures).values(
      signedBy.map((party) => ({
        agreementId: row.id,
        version: 1,
        party,
        signatory: `Signatory ${party} ${n}`,
        signedOn: '2014-09-20',
      })),
    );
  }
  return { id: row.id, partyA, partyB, programId, content };
}
