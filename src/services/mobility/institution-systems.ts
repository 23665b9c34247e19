/** The credit system and grade scale an institution keeps (R7: each keeps its own). */
import type { Db } from '#src/db/client.ts';
import { findInstitution } from '#src/db/queries/mobility/mobilities.ts';
import type { CreditSystemId } from '#src/domain/recognition/credit-systems.ts';
import { notFound } from '../errors.ts';

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
  const row = await findInstitution(db, id);
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
