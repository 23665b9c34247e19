import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getInstitution, getInstitutionAgreements } from './api.ts';
import { LANGUAGES, type InstitutionDetail } from '../../api/contract.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { PlaceholderBadge } from '../../components/ui/placeholder-badge.tsx';
import { AgreementTable } from '../agreements/index.ts';
import { CountryName, useCountryName } from '../../components/ui/country-name.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { LANGUAGE_LABELS, currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { InstitutionEditForm } from './institution-edit-form.tsx';
import { AuditTrail } from '../audit/index.ts';
import { MembershipProposals } from './membership-proposals.tsx';
import { UnitsSection } from './units-section.tsx';
import { StudentDomainsSection } from '../sign-up/index.ts';

export function InstitutionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localNameOf = useLocalName();
  const resource = useResource(id, (signal) => getInstitution(id, signal));
  useDocumentTitle(resource.data ? localNameOf(resource.data) : t('institution.title'));

  return (
    <ResourceView
      resource={resource}
      notFound={<NotFoundPage message={t('institution.notFound', { id })} />}
      errorHeading={<h1>{t('institution.title')}</h1>}
    >
      {(institution) => <InstitutionView key={institution.id} initial={institution} />}
    </ResourceView>
  );
}

function InstitutionView({ initial }: { initial: InstitutionDetail }) {
  const { t } = useTranslation();
  const [institution, setInstitution] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const mayEdit = institution.may.edit;
  const { typeLabel, kindLabel } = useLabels();
  const countryNameOf = useCountryName();
  const otherNames = LANGUAGES.flatMap((lang) => {
    const value =
      lang === 'en' ? (institution.names.en ?? institution.name) : institution.names[lang];
    return value ? [{ lang, value }] : [];
  });
  const hasCoordinates =
    typeof institution.latitude === 'number' && typeof institution.longitude === 'number';
  const consortia = institution.consortia ?? [];

  return (
    <article className="detail">
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/institutions">{t('nav.institutions')}</Link>
          </li>
          <li aria-current="page">
            <LocalizedName entity={institution} />
          </li>
        </ol>
      </nav>
      <header className="detail-header">
        <h1>
          <LocalizedName entity={institution} />
        </h1>
        <p className="detail-subtitle">
          <span className="badge">{typeLabel(institution.type)}</span>{' '}
          {institution.invented ? <PlaceholderBadge /> : null}
          {t('institution.location', {
            city: institution.city,
            country: countryNameOf(institution.country),
          })}
        </p>
      </header>

      <div className="detail-grid">
        <section className="card" aria-labelledby="institution-facts">
          <h2 id="institution-facts">{t('institution.facts')}</h2>
          <dl className="facts">
            <dt>{t('institution.schac')}</dt>
            <dd>
              <code>{institution.id}</code>
            </dd>
            <dt>{t('institution.type')}</dt>
            <dd>{typeLabel(institution.type)}</dd>
            <dt>{t('institution.city')}</dt>
            <dd>{institution.city}</dd>
            <dt>{t('institution.country')}</dt>
            <dd>
              <CountryName code={institution.country} />
            </dd>
            <dt>{t('institution.coordinates')}</dt>
            <dd>
              {hasCoordinates ? (
                <Coordinates
                  latitude={institution.latitude as number}
                  longitude={institution.longitude as number}
                />
              ) : (
                t('institution.noCoordinates')
              )}
            </dd>
            <dt>{t('institution.nearestAirport')}</dt>
            <dd data-testid="institution-airport">
              <NearestAirport airport={institution.airport} />
            </dd>
            <dt>{t('institution.website')}</dt>
            <dd>
              {institution.website ? (
                <a href={institution.website} rel="noopener noreferrer">
                  {institution.website}
                </a>
              ) : (
                t('institution.noWebsite')
              )}
            </dd>
            <dt>{t('institution.districts')}</dt>
            <dd>
              {institution.districts.length === 0 ? (
                t('institution.noDistricts')
              ) : (
                <ul className="inline-list">
                  {institution.districts.map((district) => (
                    <li key={district.id}>
                      <Link to={`/institutions?district=${encodeURIComponent(district.id)}`}>
                        <LocalizedName entity={district} />
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="institution-names">
          <h2 id="institution-names">{t('institution.names')}</h2>
          <dl className="facts">
            {otherNames.map(({ lang, value }) => (
              <div key={lang} className="facts-row">
                <dt>{LANGUAGE_LABELS[lang]}</dt>
                <dd lang={lang}>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="institution-consortia">
        <h2 id="institution-consortia">{t('institution.consortia')}</h2>
        {consortia.length === 0 ? (
          <p className="muted">{t('institution.noConsortia')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('consortia.name')}</th>
                  <th scope="col">{t('consortia.kind')}</th>
                  <th scope="col">{t('membership.joined')}</th>
                  <th scope="col">{t('membership.left')}</th>
                </tr>
              </thead>
              <tbody>
                {consortia.map((membership) => (
                  <tr key={membership.id}>
                    <th scope="row">
                      <Link to={`/consortia/${encodeURIComponent(membership.id)}`}>
                        <LocalizedName entity={membership} />
                      </Link>
                    </th>
                    <td data-label={t('consortia.kind')}>{kindLabel(membership.kind)}</td>
                    <td data-label={t('membership.joined')}>
                      {membership.joinedOn ? <FormattedDate value={membership.joinedOn} /> : '—'}
                    </td>
                    <td data-label={t('membership.left')}>
                      {membership.leftOn ? (
                        <FormattedDate value={membership.leftOn} />
                      ) : (
                        <span className="muted">{t('membership.current')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div role="status">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
      {mayEdit ? (
        <section className="card" aria-labelledby="institution-edit">
          <h2 id="institution-edit">{t('institutionEdit.title')}</h2>
          {editing ? (
            <InstitutionEditForm
              institution={institution}
              onCancel={() => setEditing(false)}
              onSaved={(next) => {
                setInstitution(next);
                setEditing(false);
                setNotice(t('institutionEdit.saved'));
              }}
            />
          ) : (
            <>
              <p className="muted">{t('institutionEdit.intro')}</p>
              <button
                type="button"
                className="button button-secondary"
                data-testid="edit-institution"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {t('institutionEdit.open')}
              </button>
            </>
          )}
        </section>
      ) : null}

      <MembershipProposals
        proposals={institution.proposals}
        onChanged={() => void getInstitution(institution.id).then(setInstitution)}
      />

      <UnitsSection institutionId={institution.id} mayEdit={mayEdit} />

      <StudentDomainsSection institutionId={institution.id} />

      <section className="card" aria-labelledby="institution-agreements">
        <h2 id="institution-agreements">{t('institution.agreements')}</h2>
        <InstitutionAgreements institutionId={institution.id} />
      </section>

      {mayEdit ? (
        <div className="card">
          <AuditTrail resourceType="institution" resourceId={institution.id} />
        </div>
      ) : null}
    </article>
  );
}

/** Its agreements on today's date: its own, and those it is party to through a consortium. */
function InstitutionAgreements({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const localNameOf = useLocalName();
  const agreements = useResource(`institution-agreements|${institutionId}`, (signal) =>
    getInstitutionAgreements(institutionId, signal),
  );
  return (
    <ResourceView resource={agreements}>
      {(data) => (
        <AgreementTable
          items={data.items}
          note={(agreement) =>
            agreement.through ? (
              <span className="small muted" data-testid="agreement-through">
                {' '}
                <Link to={`/consortia/${encodeURIComponent(agreement.through.id)}`}>
                  {t('institution.throughConsortium', {
                    consortium: localNameOf(agreement.through),
                  })}
                </Link>
              </span>
            ) : null
          }
        />
      )}
    </ResourceView>
  );
}

/** R13: the nearest international airport, its IATA code and its distance. */
function NearestAirport({ airport }: { airport: InstitutionDetail['airport'] }) {
  const { t, i18n } = useTranslation();
  if (!airport) return <>{t('institution.noAirport')}</>;
  const language = currentLanguage(i18n.language);
  return (
    <>
      <code>{airport.iata}</code>{' '}
      {t('institution.airportValue', {
        name: airport.name,
        distance: formatNumber(airport.distanceKm, language, 0),
      })}
    </>
  );
}

function Coordinates({ latitude, longitude }: { latitude: number; longitude: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const lat = formatNumber(Math.abs(latitude), language, 4);
  const lon = formatNumber(Math.abs(longitude), language, 4);
  const latText =
    latitude >= 0 ? t('coordinates.north', { value: lat }) : t('coordinates.south', { value: lat });
  const lonText =
    longitude >= 0 ? t('coordinates.east', { value: lon }) : t('coordinates.west', { value: lon });
  const mapUrl = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=12/${latitude}/${longitude}`;
  return (
    <>
      <span>{t('coordinates.pair', { latitude: latText, longitude: lonText })}</span>{' '}
      <a href={mapUrl} target="_blank" rel="noopener noreferrer" className="small">
        {t('institution.openMap')}
        <span className="visually-hidden"> {t('actions.opensInNewTab')}</span>
      </a>
    </>
  );
}
