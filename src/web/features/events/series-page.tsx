import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CountryName } from '../../components/ui/country-name.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate, formatList, countryName } from '../../../i18n/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getSeries, seriesCalendarUrl, type SeriesDetail } from './api.ts';
import { useDateRange } from './event-page.tsx';
import { LocalText, useText } from './local-text.tsx';
import './events.css';

/** A series: its rotation rule, the next host suggested by it, and the archive of its events. */
export function SeriesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const series = useResource(`series|${id}`, (signal) => getSeries(id, signal));
  const text = useText();
  useDocumentTitle(series.status === 'success' ? text(series.data.title) : t('events.series'));
  return (
    <ResourceView
      resource={series}
      notFound={
        <>
          <h1>{t('events.series')}</h1>
          <p>{t('events.notFound')}</p>
        </>
      }
      errorHeading={<h1>{t('events.series')}</h1>}
    >
      {(data) => <SeriesView series={data} />}
    </ResourceView>
  );
}

function SeriesView({ series }: { series: SeriesDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const range = useDateRange();
  const events = [...series.editions].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/events">{t('events.list.title')}</Link>
          </li>
          <li aria-current="page">
            <LocalText text={series.title} />
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>
          <LocalText text={series.title} />
        </h1>
        <a
          className="button button-secondary"
          href={`${seriesCalendarUrl(series.id)}?lang=${language}`}
        >
          {t('events.calendar')}
        </a>
      </div>
      <section className="card" aria-labelledby="series-rotation">
        <h2 id="series-rotation">{t('events.seriesPage.rotation')}</h2>
        {series.rotation ? (
          <p data-testid="rotation">
            {t('events.seriesPage.rotationRule', {
              countries: formatList(
                series.rotation.countries.map((c) => countryName(c, language)),
                language,
              ),
              min: series.rotation.minMonths,
              max: series.rotation.maxMonths,
            })}
          </p>
        ) : (
          <p className="muted">{t('events.seriesPage.noRotation')}</p>
        )}
        {series.nextHost && (series.nextHost.country || series.nextHost.hostName) ? (
          <p data-testid="next-host">
            <strong>{t('events.seriesPage.nextHost')}</strong>{' '}
            {series.nextHost.hostName ? <LocalText text={series.nextHost.hostName} /> : null}
            {series.nextHost.country ? (
              <>
                {series.nextHost.hostName ? ' (' : ''}
                <CountryName code={series.nextHost.country} />
                {series.nextHost.hostName ? ')' : ''}
              </>
            ) : null}
            {series.nextHost.earliest && series.nextHost.latest ? (
              <>
                {' — '}
                {t('events.seriesPage.between', {
                  from: formatDate(series.nextHost.earliest, language),
                  to: formatDate(series.nextHost.latest, language),
                })}
              </>
            ) : null}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="series-archive">
        <h2 id="series-archive">{t('events.seriesPage.archive')}</h2>
        {events.length === 0 ? (
          <p className="empty">{t('events.list.empty')}</p>
        ) : (
          <ul className="events-archive">
            {events.map((e) => (
              <li key={e.id}>
                <Link to={`/events/${encodeURIComponent(e.id)}`}>
                  <LocalText text={e.title} />
                </Link>{' '}
                {e.invented ? <InventedBadge /> : null}
                <span className="muted">
                  {' — '}
                  {range(e.startsOn, e.endsOn)}
                  {e.city ? `, ${e.city}` : ''}
                  {e.country ? ` (${countryName(e.country, language)})` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
