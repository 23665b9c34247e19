/**
 * Distance bands: the Erasmus+ bands shown for trips with European partners, and the bands a
 * program defines with a fare ceiling each (R13, 003 §3(3)).
 *
 * Erasmus+ source: Erasmus+ Programme Guide 2021–2027 (checked against the 2024 and 2025
 * versions), Part B, Key Action 1, "Mobility projects for higher education students and staff",
 * funding rules, "Travel": bands of 10–99 km, 100–499 km, 500–1999 km, 2000–2999 km,
 * 3000–3999 km, 4000–7999 km and 8000 km or more (the same bands as in the 2014–2020 guides).
 * The distance is that of a one-way trip from the place of origin to the venue, "calculated using
 * the distance calculator supported by the European Commission" (a great-circle distance,
 * https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator); the band's amount
 * supports the round trip. Below 10 km there is no travel grant. The guide's amounts per band
 * change every year and are not encoded here: a program that wants them enters them as its
 * fare ceilings (data).
 *
 * A band is read on whole kilometres: a distance is truncated before it is compared, so
 * 99.7 km is in 10–99 km and 100.0 km in 100–499 km.
 */
import { z } from 'zod';

export interface DistanceBand {
  /** e.g. "500-1999" */
  id: string;
  /** Inclusive, whole km. */
  minKm: number;
  /** Inclusive, whole km; null: no upper bound. */
  maxKm: number | null;
}

const band = (minKm: number, maxKm: number | null): DistanceBand => ({
  id: maxKm === null ? `${minKm}+` : `${minKm}-${maxKm}`,
  minKm,
  maxKm,
});

export const ERASMUS_DISTANCE_BANDS: readonly DistanceBand[] = Object.freeze([
  band(10, 99),
  band(100, 499),
  band(500, 1999),
  band(2000, 2999),
  band(3000, 3999),
  band(4000, 7999),
  band(8000, null),
]);

/** The band a distance falls in, or null when none covers it. */
export function distanceBandOf<B extends DistanceBand>(km: number, bands: readonly B[]): B | null {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`not a distance in km: ${km}`);
  const whole = Math.floor(km);
  return bands.find((b) => whole >= b.minKm && (b.maxKm === null || whole <= b.maxKm)) ?? null;
}

/** The Erasmus+ distance band of a one-way trip; null under 10 km (no travel grant). */
export function erasmusDistanceBand(km: number): DistanceBand | null {
  return distanceBandOf(km, ERASMUS_DISTANCE_BANDS);
}

/** A program's fare ceiling for one distance band (a round-trip economy ticket, in yen). */
export interface FareCeilingBand extends DistanceBand {
  ceilingJpy: number;
}

/** zod: a program's fare ceilings: whole-km bands in ascending order, not overlapping. */
export const fareCeilingsSchema = z
  .array(
    z.object({
      id: z.string().min(1),
      minKm: z.number().int().nonnegative(),
      maxKm: z.number().int().nonnegative().nullable(),
      ceilingJpy: z.number().int().positive(),
    }),
  )
  .min(1)
  .superRefine((bands, ctx) => {
    bands.forEach((b, i) => {
      if (b.maxKm !== null && b.maxKm < b.minKm) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxKm'], message: 'maxKm is below minKm' });
      }
      const prev = bands[i - 1];
      if (prev && (prev.maxKm === null || b.minKm <= prev.maxKm)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'minKm'],
          message: `band ${b.id} overlaps band ${prev.id} or is out of order`,
        });
      }
    });
  });

/** Ceilings on the Erasmus+ bands, from the program's amounts listed in band order. */
export function ceilingsOnErasmusBands(amountsJpy: readonly number[]): FareCeilingBand[] {
  if (amountsJpy.length !== ERASMUS_DISTANCE_BANDS.length) {
    throw new RangeError(`expected ${ERASMUS_DISTANCE_BANDS.length} amounts, one per band`);
  }
  return ERASMUS_DISTANCE_BANDS.map((b, i) => ({ ...b, ceilingJpy: amountsJpy[i] ?? 0 }));
}
