import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Airport } from './airports.ts';
import { airRoute, nearestAirport } from './airports.ts';
import type { FareCeilingBand } from './bands.ts';
import {
  ERASMUS_DISTANCE_BANDS,
  ceilingsOnErasmusBands,
  distanceBandOf,
  erasmusDistanceBand,
  fareCeilingsSchema,
} from './bands.ts';
import type { FareQuote } from './fare.ts';
import { checkFare } from './fare.ts';
import type { LatLon } from './geo.ts';
import { EARTH_MEAN_RADIUS_KM, greatCircleKm } from './geo.ts';

const point: fc.Arbitrary<LatLon> = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('great-circle distance', () => {
  it('matches the sphere: a degree of the equator, pole to pole, a point to itself', () => {
    const degree = (2 * Math.PI * EARTH_MEAN_RADIUS_KM) / 360;
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(degree, 9);
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(
      Math.PI * EARTH_MEAN_RADIUS_KM,
      6,
    );
    expect(greatCircleKm({ lat: 38.25, lon: 140.87 }, { lat: 38.25, lon: 140.87 })).toBe(0);
    // Across the antimeridian.
    expect(greatCircleKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(degree, 6);
    expect(() => greatCircleKm({ lat: 91, lon: 0 }, { lat: 0, lon: 0 })).toThrow(RangeError);
  });

  it('is symmetric, non-negative, at most half the circumference', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = greatCircleKm(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * EARTH_MEAN_RADIUS_KM + 1e-6);
        expect(Math.abs(d - greatCircleKm(b, a))).toBeLessThan(1e-6);
      }),
      { numRuns: 500 },
    );
  });

  it('satisfies the triangle inequality (to 1 m: haversine loses digits near antipodes)', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(greatCircleKm(a, c)).toBeLessThanOrEqual(
          greatCircleKm(a, b) + greatCircleKm(b, c) + 1e-3,
        );
      }),
      { numRuns: 500 },
    );
  });
});

const airport = (iata: string, lat: number, lon: number, international: boolean): Airport => ({
  iata,
  ident: `X${iata}`,
  name: `${iata} Airport`,
  country: 'JP',
  municipality: '',
  type: international ? 'large_airport' : 'medium_airport',
  scheduledService: true,
  international,
  lat,
  lon,
});

describe('nearest airport', () => {
  const airports = [
    airport('AAA', 38.3, 140.9, false),
    airport('SDJ', 38.14, 140.92, true),
    airport('FAR', 35.0, 139.0, true),
  ];

  it('R13: picks the nearest, or the nearest international airport when asked', () => {
    const sendai = { lat: 38.25, lon: 140.87 };
    expect(nearestAirport(sendai, airports)?.airport.iata).toBe('AAA');
    const intl = nearestAirport(sendai, airports, { international: true });
    expect(intl?.airport.iata).toBe('SDJ');
    expect(intl?.distanceKm).toBeCloseTo(greatCircleKm(sendai, { lat: 38.14, lon: 140.92 }), 9);
    expect(nearestAirport(sendai, [])).toBeNull();
    expect(nearestAirport(sendai, [airports[0] as Airport], { international: true })).toBeNull();
  });

  it('R13: no airport is nearer than the one returned', () => {
    fc.assert(
      fc.property(point, fc.array(point, { minLength: 1, maxLength: 20 }), (p, points) => {
        const list = points.map((q, i) => airport(`A${i}`, q.lat, q.lon, true));
        const best = nearestAirport(p, list);
        expect(best).not.toBeNull();
        for (const a of list) expect(best!.distanceKm).toBeLessThanOrEqual(greatCircleKm(p, a));
      }),
    );
  });

  it('R13: the route between two airports carries the great-circle distance', () => {
    const [a, b] = [airports[1] as Airport, airports[2] as Airport];
    expect(airRoute(a, b).distanceKm).toBeCloseTo(greatCircleKm(a, b), 9);
  });
});

describe('distance bands', () => {
  it('Erasmus+ bands: 10–99, 100–499, 500–1999, 2000–2999, 3000–3999, 4000–7999, 8000+ km', () => {
    expect(ERASMUS_DISTANCE_BANDS.map((b) => b.id)).toEqual([
      '10-99',
      '100-499',
      '500-1999',
      '2000-2999',
      '3000-3999',
      '4000-7999',
      '8000+',
    ]);
    expect(erasmusDistanceBand(9.99)).toBeNull();
    expect(erasmusDistanceBand(10)?.id).toBe('10-99');
    expect(erasmusDistanceBand(99.7)?.id).toBe('10-99');
    expect(erasmusDistanceBand(100)?.id).toBe('100-499');
    expect(erasmusDistanceBand(1999.99)?.id).toBe('500-1999');
    expect(erasmusDistanceBand(7999)?.id).toBe('4000-7999');
    expect(erasmusDistanceBand(8000)?.id).toBe('8000+');
    expect(erasmusDistanceBand(20_000)?.id).toBe('8000+');
    expect(() => erasmusDistanceBand(-1)).toThrow(RangeError);
  });

  it('Erasmus+ bands cover every distance from 10 km on, once', () => {
    fc.assert(
      fc.property(fc.double({ min: 10, max: 25_000, noNaN: true }), (km) => {
        const hits = ERASMUS_DISTANCE_BANDS.filter((b) => distanceBandOf(km, [b]) !== null);
        expect(hits).toHaveLength(1);
      }),
    );
  });

  it('a program’s ceilings are validated: ascending, not overlapping', () => {
    const ok = ceilingsOnErasmusBands([10_000, 40_000, 80_000, 120_000, 160_000, 250_000, 400_000]);
    expect(fareCeilingsSchema.safeParse(ok).success).toBe(true);
    const overlapping = [ok[1], ok[0]];
    expect(fareCeilingsSchema.safeParse(overlapping).success).toBe(false);
    expect(() => ceilingsOnErasmusBands([1, 2])).toThrow(RangeError);
  });
});

describe('fare check', () => {
  const ceilings: FareCeilingBand[] = ceilingsOnErasmusBands([
    10_000, 40_000, 80_000, 120_000, 160_000, 250_000, 400_000,
  ]);
  // Sendai SDJ – Novosibirsk OVB is 4,672 km: band 4000–7999 km.
  const quote: FareQuote = {
    amountJpy: 230_000,
    distanceKm: 4_671.9,
    cabin: 'economy',
    roundTrip: true,
  };

  it('R13: a round-trip economy fare within the ceiling of its band is accepted', () => {
    expect(checkFare(quote, ceilings)).toEqual({
      ok: true,
      band: { id: '4000-7999', minKm: 4000, maxKm: 7999 },
      ceilingJpy: 250_000,
      approvedAboveCeiling: false,
    });
    expect(checkFare({ ...quote, amountJpy: 250_000 }, ceilings).ok).toBe(true);
  });

  it('R13: a fare above the ceiling is refused unless the funder officer approved it', () => {
    const above = { ...quote, amountJpy: 260_000 };
    expect(checkFare(above, ceilings)).toMatchObject({
      ok: false,
      refusal: { rule: 'R13', code: 'travel.above_ceiling', params: { ceilingJpy: 250_000 } },
    });
    const approval = {
      approverRole: 'funder_officer',
      approvedBy: 'u-funder',
      reason: 'peak season',
      maxAmountJpy: 270_000,
    };
    expect(checkFare({ ...above, approval }, ceilings)).toMatchObject({
      ok: true,
      approvedAboveCeiling: true,
    });
    expect(
      checkFare({ ...above, approval: { ...approval, approverRole: 'coordinator' } }, ceilings),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R13', code: 'travel.approval_not_by_funder' },
    });
    expect(
      checkFare({ ...above, approval: { ...approval, maxAmountJpy: 255_000 } }, ceilings),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R13', code: 'travel.approval_too_low' },
    });
  });

  it('R13: only a round-trip economy ticket, in a band the program defines', () => {
    expect(checkFare({ ...quote, cabin: 'business' }, ceilings)).toMatchObject({
      ok: false,
      refusal: { rule: 'R13', code: 'travel.not_economy' },
    });
    expect(checkFare({ ...quote, roundTrip: false }, ceilings)).toMatchObject({
      ok: false,
      refusal: { code: 'travel.not_round_trip' },
    });
    expect(checkFare({ ...quote, distanceKm: 5 }, ceilings)).toMatchObject({
      ok: false,
      refusal: { code: 'travel.no_band' },
    });
    expect(checkFare({ ...quote, amountJpy: 1.5 }, ceilings)).toMatchObject({
      ok: false,
      refusal: { code: 'travel.invalid_amount' },
    });
  });
});
