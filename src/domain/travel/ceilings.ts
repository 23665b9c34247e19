/**
 * Fare ceilings per distance band (R13, 003 §3(3)). The program's rules have a `travel` section
 * (src/domain/program/rules.ts) without ceilings: 003 §3(3) (R13) gives none ("a round-trip economy
 * class air ticket"). Until the program data carries them, this documented default table is
 * used, keyed by the program id. Every figure is an ASSUMPTION (a round-trip economy fare in
 * integer yen, on the Erasmus+ distance bands of a one-way great-circle trip) for the demo
 * programs; a program not listed gets DEFAULT_FARE_CEILINGS.
 */
import type { FareCeilingBand } from './bands.ts';
import { ceilingsOnErasmusBands, fareCeilingsSchema } from './bands.ts';

/** ASSUMPTION: round-trip economy ceilings in yen for 10–99, 100–499, 500–1999, 2000–2999, 3000–3999, 4000–7999 and 8000+ km. */
export const DEFAULT_FARE_CEILINGS: readonly FareCeilingBand[] = fareCeilingsSchema.parse([
  { id: '0-9', minKm: 0, maxKm: 9, ceilingJpy: 10_000 },
  ...ceilingsOnErasmusBands([30_000, 60_000, 100_000, 140_000, 170_000, 200_000, 300_000]),
]);

export const PROGRAM_FARE_CEILINGS: Readonly<Record<string, readonly FareCeilingBand[]>> = {
  'mext-pilot-2003': DEFAULT_FARE_CEILINGS,
  'mext-iep-2014': DEFAULT_FARE_CEILINGS,
};

/**
 * The ceilings of a program: those in its rules (`travel.fareCeilings`, edited by the funder
 * officer) when set, else its entry here, else the default table.
 */
export function fareCeilingsOf(
  programId: string | null | undefined,
  program?: { travel: { fareCeilings?: readonly FareCeilingBand[] | undefined } } | null,
): readonly FareCeilingBand[] {
  return (
    program?.travel.fareCeilings ??
    ((programId && PROGRAM_FARE_CEILINGS[programId]) || DEFAULT_FARE_CEILINGS)
  );
}
