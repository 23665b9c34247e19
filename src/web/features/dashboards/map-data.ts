/**
 * The world's countries for the map of flows, shipped with the app (no tile server): Natural
 * Earth's 1:110m outlines from the `world-atlas` package (TopoJSON), turned into GeoJSON with
 * `topojson-client`.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

type CountriesTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

let cached: FeatureCollection<Geometry> | null = null;

/** The countries' outlines as GeoJSON (computed once). */
export function worldCountries(): FeatureCollection<Geometry> {
  if (!cached) {
    const topology = countries110m as unknown as CountriesTopology;
    cached = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  }
  return cached;
}
