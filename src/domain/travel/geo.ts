/**
 * Great-circle distance on a spherical Earth (haversine formula). The radius is the IUGG mean
 * Earth radius R1 = 6371.0088 km (Moritz, "Geodetic Reference System 1980"); the sphere is off
 * the ellipsoid by at most about 0.5 %, well inside what fares and distance bands need.
 */

export interface LatLon {
  /** Degrees, −90…90. */
  lat: number;
  /** Degrees, −180…180. */
  lon: number;
}

export const EARTH_MEAN_RADIUS_KM = 6371.0088;

const rad = (deg: number): number => (deg * Math.PI) / 180;

function checkPoint(p: LatLon): void {
  if (
    !Number.isFinite(p.lat) ||
    !Number.isFinite(p.lon) ||
    Math.abs(p.lat) > 90 ||
    Math.abs(p.lon) > 180
  ) {
    throw new RangeError(`not a latitude/longitude in degrees: (${p.lat}, ${p.lon})`);
  }
}

/** The great-circle distance between two points, in km. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  checkPoint(a);
  checkPoint(b);
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  // Rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))));
}
