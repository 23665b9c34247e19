import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { z } from 'zod';
import { API_BASE, apiRequest } from '../../api/client.ts';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import type { PartnershipProfileSchema } from '../../../server/routes/partnership-profile.schema.ts';
import { LocalText, useText } from './local-text.tsx';
import './profile.css';

type Profile = z.infer<typeof PartnershipProfileSchema>;

const enc = encodeURIComponent;
const getProfile = (id: string, signal?: AbortSignal) =>
  apiRequest<Profile>(`/partnerships/${enc(id)}/profile`, { signal });

/**
 * The profile of a partnership: every figure computed from the records, charts where numbers
 * have a shape (each with its table beneath), and the same profile as an A4 PDF and a workbook.
 */
export function ProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const data = useResource(`partnership-profile|${id}`, (signal) => getProfile(id, signal));
  useDocumentTitle(t('partnership.profile.title'));
  return (
    <ResourceView resource={data} errorHeading={<h1>{t('partnership.profile.title')}</h1>}>
      {(p) => <ProfileView profile={p} />}
    </ResourceView>
  );
}

function YearChart({
  id,
  caption,
  rows,
  columns,
}: {
  id: string;
  caption: string;
  rows: { year: number; values: number[] }[];
  columns: string[];
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t('partnership.profile.noRecords')}</p>;
  return (
    <figure className="profile-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {/* Hidden from screen readers: the table below gives the figures. */}
      <div aria-hidden="true">
        <BarChart
          responsive
          data={rows.map((r) => ({ year: String(r.year), value: r.values[0] }))}
          style={{ width: '100%', height: '14rem' }}
          margin={{ top: 12, right: 8, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" interval={0} />
          <YAxis allowDecimals={false} />
          <Bar dataKey="value" className="profile-bar" isAnimationActive={false} />
        </BarChart>
      </div>
      <TableWrap label={caption}>
        <table className="data-table" data-testid={`${id}-table`}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partnership.profile.year')}</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                {r.values.map((v, i) => (
                  <td key={i} data-label={columns[i]}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}

function ProfileView({ profile: p }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const text = useText();
  const name = new Map(p.partners.map((x) => [x.id, text(x.name)]));
  const money = (m: { amountMinor: number; currency: string }) => {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(language, { style: 'currency', currency: m.currency }).format(
      m.amountMinor / 10 ** digits,
    );
  };
  const figures: [string, number | string][] = [
    [t('partnership.profile.agreements'), p.agreements.length],
    [t('partnership.profile.students'), p.mobility.students],
    [t('partnership.profile.months'), p.mobility.months],
    [t('partnership.profile.jukebox'), p.jukebox.enrolments],
    [t('partnership.profile.publications'), p.publications.total],
    [t('partnership.profile.perYearAverage'), p.publications.perYearAverage ?? '—'],
    [t('partnership.profile.cotutellesInProgress'), p.cotutelles.in_progress],
    [t('partnership.profile.cotutellesDefended'), p.cotutelles.defended],
    [t('partnership.profile.labs'), p.labs.length],
    [t('partnership.profile.programmes'), p.programmes.length],
    [t('partnership.profile.visits'), p.visits.total],
    [t('partnership.profile.events'), p.events.length],
  ];
  const file = (ext: 'pdf' | 'xlsx') =>
    `${API_BASE}/partnerships/${enc(p.id)}/profile.${ext}?lang=${language}`;
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/partnerships">{t('partnership.title')}</Link>
          </li>
          <li aria-current="page">{t('partnership.profile.title')}</li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>
          <LocalText text={p.title} /> {p.invented ? <InventedBadge /> : null}
        </h1>
        <div className="form-actions">
          <a className="button button-secondary" href={file('pdf')} data-testid="profile-pdf">
            {t('partnership.profile.pdf')}
          </a>
          <a className="button button-secondary" href={file('xlsx')} data-testid="profile-xlsx">
            {t('partnership.profile.xlsx')}
          </a>
        </div>
      </div>
      <p>
        {t('partnership.profile.partners')}: {p.partners.map((x) => text(x.name)).join(' · ')}
        {p.since ? ` — ${t('partnership.profile.since', { date: p.since })}` : ''}
      </p>
      <p className="muted">{t('partnership.profile.computed')}</p>

      <section className="card" aria-labelledby="profile-figures">
        <h2 id="profile-figures">{t('partnership.profile.keyFigures')}</h2>
        <dl className="profile-figures" data-testid="profile-figures">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="profile-mobility">
        <h2 id="profile-mobility">{t('partnership.profile.mobility')}</h2>
        <YearChart
          id="profile-mobility-chart"
          caption={t('partnership.profile.mobilityChart')}
          columns={[t('partnership.profile.students'), t('partnership.profile.months')]}
          rows={p.mobility.years.map((y) => ({ year: y.year, values: [y.students, y.months] }))}
        />
        {p.mobility.years.length > 0 ? (
          <ul>
            {p.mobility.years.flatMap((y) =>
              y.directions.map((d) => (
                <li key={`${y.year}-${d.homeId}-${d.hostId}`}>
                  {y.year}: {name.get(d.homeId)} → {name.get(d.hostId)} —{' '}
                  {t('partnership.profile.flow', { students: d.students, months: d.months })}
                </li>
              )),
            )}
          </ul>
        ) : null}
      </section>

      <section className="card" aria-labelledby="profile-publications">
        <h2 id="profile-publications">{t('partnership.profile.publications')}</h2>
        <YearChart
          id="profile-publications-chart"
          caption={t('partnership.profile.publicationsChart')}
          columns={[t('partnership.profile.publications')]}
          rows={p.publications.perYear.map((y) => ({ year: y.year, values: [y.n] }))}
        />
        <TableWrap label={t('partnership.profile.themes')}>
          <table className="data-table" data-testid="profile-themes">
            <caption>{t('partnership.profile.themes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partnership.profile.theme')}</th>
                <th scope="col">{t('partnership.profile.publications')}</th>
                <th scope="col">{t('partnership.profile.labs')}</th>
              </tr>
            </thead>
            <tbody>
              {p.themes.map((x) => (
                <tr key={x.key}>
                  <th scope="row">
                    <LocalText text={x.label} />
                  </th>
                  <td data-label={t('partnership.profile.publications')}>{x.publications}</td>
                  <td data-label={t('partnership.profile.labs')}>{x.labs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section className="card" aria-labelledby="profile-research">
        <h2 id="profile-research">{t('partnership.profile.research')}</h2>
        <h3>{t('partnership.profile.cotutelles')}</h3>
        <p data-testid="profile-cotutelles">
          {t('partnership.profile.cotutelleCounts', p.cotutelles)}
        </p>
        <h3>{t('partnership.profile.labs')}</h3>
        {p.labs.length === 0 ? <p className="empty">{t('partnership.profile.noRecords')}</p> : null}
        <ul>
          {p.labs.map((l) => (
            <li key={l.id} data-testid="profile-lab">
              <Link to={`/partnerships/labs/${enc(l.id)}`}>
                <LocalText text={l.title} />
              </Link>{' '}
              {l.invented ? <InventedBadge /> : null} — {l.totals.map(money).join(' + ')}
              {l.fundedUntil
                ? ` (${t('partnership.profile.fundedPeriod', { from: l.startsOn, to: l.fundedUntil })})`
                : ''}
            </li>
          ))}
        </ul>
        <h3>{t('partnership.profile.programmes')}</h3>
        {p.programmes.length === 0 ? (
          <p className="empty">{t('partnership.profile.noRecords')}</p>
        ) : null}
        <ul>
          {p.programmes.map((g) => (
            <li key={g.id}>
              <Link to={`/partnerships/programmes/${enc(g.id)}`}>
                <LocalText text={g.title} />
              </Link>{' '}
              {g.invented ? <InventedBadge /> : null} —{' '}
              {t('partnership.profile.enrolledGraduated', {
                enrolled: g.enrolled,
                graduated: g.graduated,
              })}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="profile-relations">
        <h2 id="profile-relations">{t('partnership.profile.relations')}</h2>
        <h3>{t('partnership.profile.agreements')}</h3>
        <ul>
          {p.agreements.map((a) => (
            <li key={a.id}>
              <Link to={`/agreements/${enc(a.id)}`}>{a.title}</Link> ({a.validFrom} – {a.validTo})
            </li>
          ))}
        </ul>
        <h3>{t('partnership.profile.visits')}</h3>
        <p>
          {p.visits.byRole
            .map((r) => `${t(`partnership.visitorRole.${r.role}`)}: ${r.n}`)
            .join(' · ') || t('partnership.profile.noRecords')}
        </p>
        <h3>{t('partnership.profile.events')}</h3>
        <ul>
          {p.events.map((e) => (
            <li key={e.id}>
              <Link to={`/events/${enc(e.id)}`}>
                <LocalText text={e.title} />
              </Link>{' '}
              ({e.startsOn}
              {e.endsOn !== e.startsOn ? ` – ${e.endsOn}` : ''})
            </li>
          ))}
        </ul>
        <h3>{t('partnership.profile.plans')}</h3>
        <ul>
          {p.plans.map((pl) => (
            <li key={pl.id}>
              <LocalText text={pl.title} /> — {t(`partnership.planStatus.${pl.status}`)} (
              {pl.startsOn} – {pl.endsOn})
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
