import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { DashboardView } from './api.ts';
import { worldCountries } from './map-data.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';

const WIDTH = 960;
const HEIGHT = 440;

/**
 * The flows between cities on a world map drawn from the outlines shipped with the app: a curve
 * from the home's city to the host's, as thick as the students it carries. The picture has a
 * title and a description in words; the table under it lists the same flows.
 */
export function FlowMap({ map }: { map: DashboardView['map'] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const titleId = useId();
  const descId = useId();
  const world = worldCountries();

  const { path, project } = useMemo(() => {
    // Fit the projection to the places (and a margin around them), else to the whole world.
    const points = map.places.map((p) => [p.longitude, p.latitude] as [number, number]);
    const projection = geoNaturalEarth1();
    if (points.length >= 2) {
      // Every place with a margin around it, and the corners of their box, must fit.
      const pad = 6;
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      const clampLat = (v: number) => Math.max(-85, Math.min(85, v));
      const clampLon = (v: number) => Math.max(-180, Math.min(180, v));
      const [w, e, s, n] = [
        clampLon(Math.min(...lons) - pad),
        clampLon(Math.max(...lons) + pad),
        clampLat(Math.min(...lats) - pad),
        clampLat(Math.max(...lats) + pad),
      ];
      const box = {
        type: 'MultiPoint' as const,
        coordinates: [
          [w, s],
          [w, n],
          [e, s],
          [e, n],
          [(w + e) / 2, s],
          [(w + e) / 2, n],
          ...points.flatMap(([x, y]) => [
            [clampLon(x - pad), clampLat(y - pad)],
            [clampLon(x + pad), clampLat(y + pad)],
          ]),
        ],
      };
      projection.fitExtent(
        [
          [20, 20],
          [WIDTH - 20, HEIGHT - 20],
        ],
        box,
      );
    } else {
      projection.fitSize([WIDTH, HEIGHT], world);
    }
    return {
      path: geoPath(projection),
      project: (lon: number, lat: number) => projection([lon, lat]),
    };
  }, [map.places, world]);

  const place = new Map(map.places.map((p) => [p.id, p]));
  const maxStudents = Math.max(1, ...map.flows.map((f) => f.students));
  const total = map.flows.reduce((n, f) => n + f.students, 0);
  const cityOf = (id: string) => place.get(id)?.city ?? id;

  return (
    <figure className="dash-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="dash-map-svg"
      >
        <title id={titleId}>{t('dashboards.map.title')}</title>
        <desc id={descId}>
          {t('dashboards.map.description', {
            flows: formatNumber(map.flows.length, language),
            places: formatNumber(map.places.length, language),
            students: formatNumber(total, language),
          })}
        </desc>
        <defs>
          <marker
            id={`${titleId}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="4"
            markerHeight="4"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="dash-map-arrow" />
          </marker>
        </defs>
        <g className="dash-map-land" aria-hidden="true">
          {world.features.map((f, i) => (
            <path key={i} d={path(f) ?? undefined} />
          ))}
        </g>
        <g className="dash-map-flows" aria-hidden="true">
          {map.flows.map((f) => {
            const a = place.get(f.from);
            const b = place.get(f.to);
            if (!a || !b) return null;
            const p = project(a.longitude, a.latitude);
            const q = project(b.longitude, b.latitude);
            if (!p || !q) return null;
            // A curve bending to the left of its direction, so two opposite flows do not overlap.
            const mx = (p[0] + q[0]) / 2;
            const my = (p[1] + q[1]) / 2;
            const dx = q[0] - p[0];
            const dy = q[1] - p[1];
            const bend = 0.2;
            const cx = mx - dy * bend;
            const cy = my + dx * bend;
            return (
              <path
                key={`${f.from}-${f.to}`}
                d={`M${p[0]},${p[1]} Q${cx},${cy} ${q[0]},${q[1]}`}
                className="dash-map-flow"
                markerEnd={`url(#${titleId}-arrow)`}
                strokeWidth={1.5 + (6 * f.students) / maxStudents}
              >
                <title>
                  {t('dashboards.map.flow', {
                    from: cityOf(f.from),
                    to: cityOf(f.to),
                    count: f.students,
                  })}
                </title>
              </path>
            );
          })}
        </g>
        <g className="dash-map-places" aria-hidden="true">
          {map.places.map((p) => {
            const xy = project(p.longitude, p.latitude);
            if (!xy) return null;
            return (
              <g key={p.id} transform={`translate(${xy[0]},${xy[1]})`}>
                <circle r={4.5} className="dash-map-place" />
                <text x={7} y={4} className="dash-map-label">
                  {p.city}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="muted">{t('dashboards.map.caption')}</figcaption>
    </figure>
  );
}
