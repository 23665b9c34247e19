import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { LocalText, useText } from './local-text.tsx';
import {
  listBoards,
  listCotutelles,
  listLabs,
  listPartnerships,
  listProgrammes,
  listVisits,
} from './api.ts';

const enc = encodeURIComponent;

/** An amount in minor units, in the reader's language (€250,000.00). */
export function useMoney(): (m: { amountMinor: number; currency: string }) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (m) => {
    const format = new Intl.NumberFormat(language, { style: 'currency', currency: m.currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(m.amountMinor / 10 ** digits);
  };
}

export function Period({ from, to }: { from: string; to: string | null }) {
  return (
    <>
      <FormattedDate value={from} /> – {to ? <FormattedDate value={to} /> : '…'}
    </>
  );
}

export function Crumbs({ here }: { here: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/partnerships">{t('partnership.title')}</Link>
        </li>
        <li aria-current="page">{here}</li>
      </ol>
    </nav>
  );
}

/** The partnerships area: partnerships and plans, degree programmes, boards, labs, cotutelles, visits. */
export function PartnershipsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('partnership.title'));
  const text = useText();
  const money = useMoney();
  const data = useResource('partnership-home', async (signal) => {
    const [partnerships, programmes, boards, labs, cotutelles, visits] = await Promise.all([
      listPartnerships(signal),
      listProgrammes(signal),
      listBoards(signal),
      listLabs(signal),
      listCotutelles(signal),
      listVisits(signal),
    ]);
    return { partnerships, programmes, boards, labs, cotutelles, visits };
  });
  return (
    <>
      <div className="page-header">
        <h1>{t('partnership.title')}</h1>
      </div>
      <p className="muted">{t('partnership.intro')}</p>
      <ResourceView resource={data}>
        {({ partnerships, programmes, boards, labs, cotutelles, visits }) => (
          <>
            <section className="card" aria-labelledby="p-partnerships">
              <h2 id="p-partnerships">{t('partnership.partnerships')}</h2>
              {partnerships.items.length === 0 ? <p>{t('partnership.none')}</p> : null}
              {partnerships.items.map((p) => (
                <article key={p.id} data-testid="partnership">
                  <h3>
                    <LocalText text={p.title} /> {p.invented ? <InventedBadge /> : null}
                  </h3>
                  <p>
                    <Link to={`/partnerships/${enc(p.id)}/profile`} data-testid="profile-link">
                      {t('partnership.profile.open')}
                    </Link>
                  </p>
                  {p.since ? (
                    <p>
                      {t('partnership.since')} <FormattedDate value={p.since} />
                    </p>
                  ) : null}
                  <p>
                    {t('partnership.themes')}: {p.themes.map((x) => text(x.label)).join(' · ')}
                  </p>
                  {p.plans.length > 0 ? (
                    <ul>
                      {p.plans.map((pl) => (
                        <li key={pl.id}>
                          {pl.fileUrl ? (
                            <a href={pl.fileUrl}>
                              <LocalText text={pl.title} />
                            </a>
                          ) : (
                            <LocalText text={pl.title} />
                          )}{' '}
                          — {t(`partnership.planStatus.${pl.status}`)} (
                          <Period from={pl.startsOn} to={pl.endsOn} />)
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </article>
              ))}
            </section>

            <section className="card" aria-labelledby="p-programmes">
              <div className="page-header">
                <h2 id="p-programmes">{t('partnership.programmes')}</h2>
                {programmes.may.create ? (
                  <Link
                    className="button button-primary"
                    to="/partnerships/programmes/new"
                    data-testid="new-programme"
                  >
                    {t('partnership.programmeForm.title')}
                  </Link>
                ) : null}
              </div>
              <TableWrap label={t('partnership.programmes')}>
                <table className="data-table" data-testid="programme-list">
                  <caption className="visually-hidden">{t('partnership.programmes')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('partnership.programme')}</th>
                      <th scope="col">{t('partnership.kindLabel')}</th>
                      <th scope="col">{t('partnership.levelLabel')}</th>
                      <th scope="col">{t('partnership.partners')}</th>
                      <th scope="col">{t('partnership.statusLabel')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {programmes.items.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">
                          <Link to={`/partnerships/programmes/${enc(p.id)}`}>
                            <LocalText text={p.title} />
                          </Link>{' '}
                          {p.invented ? <InventedBadge /> : null}
                        </th>
                        <td>{t(`partnership.kind.${p.kind}`)}</td>
                        <td>{t(`partnership.level.${p.level}`)}</td>
                        <td>{p.partners.map((x) => text(x.name)).join(' · ')}</td>
                        <td>{t(`partnership.programmeStatus.${p.status}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>

            <section className="card" aria-labelledby="p-labs">
              <h2 id="p-labs">{t('partnership.labs')}</h2>
              <ul>
                {labs.items.map((l) => (
                  <li key={l.id}>
                    <Link to={`/partnerships/labs/${enc(l.id)}`}>
                      <LocalText text={l.title} />
                    </Link>{' '}
                    {l.invented ? <InventedBadge /> : null}
                    <span className="muted">
                      {' '}
                      — {l.partners.map((x) => text(x.name)).join(' · ')}
                      {l.totals.length ? ` — ${l.totals.map(money).join(', ')}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </section>

            <section className="card" aria-labelledby="p-boards">
              <h2 id="p-boards">{t('partnership.boards')}</h2>
              <ul>
                {boards.items.map((b) => (
                  <li key={b.id}>
                    <Link to={`/partnerships/boards/${enc(b.id)}`}>
                      <LocalText text={b.name} />
                    </Link>{' '}
                    {b.invented ? <InventedBadge /> : null}
                  </li>
                ))}
              </ul>
            </section>

            <section className="card" aria-labelledby="p-cotutelles">
              <div className="page-header">
                <h2 id="p-cotutelles">{t('partnership.cotutelles')}</h2>
                {cotutelles.may.create ? (
                  <Link className="button button-secondary" to="/partnerships/cotutelles/new">
                    {t('partnership.cotutelleForm.new')}
                  </Link>
                ) : null}
              </div>
              <TableWrap label={t('partnership.cotutelleCounts')}>
                <table className="data-table" data-testid="cotutelle-counts">
                  <caption>{t('partnership.cotutelleCounts')}</caption>
                  <thead>
                    <tr>
                      {(['planned', 'in_progress', 'defended', 'abandoned', 'total'] as const).map(
                        (s) => (
                          <th key={s} scope="col">
                            {t(`partnership.cotutelleStatus.${s}`)}
                          </th>
                        ),
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {(['planned', 'in_progress', 'defended', 'abandoned', 'total'] as const).map(
                        (s) => (
                          <td key={s}>{cotutelles.counts[s]}</td>
                        ),
                      )}
                    </tr>
                  </tbody>
                </table>
              </TableWrap>
              {cotutelles.items.length > 0 ? (
                <ul>
                  {cotutelles.items.map((c) => (
                    <li key={c.id}>
                      <Link to={`/partnerships/cotutelles/${enc(c.id)}`}>
                        <LocalText text={c.thesisTitle} />
                      </Link>{' '}
                      — <LocalText text={c.candidate} /> (
                      {t(`partnership.cotutelleStatus.${c.status}`)})
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>

            <section className="card" aria-labelledby="p-visits">
              <h2 id="p-visits">{t('partnership.visits')}</h2>
              <p>{t('partnership.visitCount', { count: visits.counts.total })}</p>
              {visits.items.length > 0 ? (
                <TableWrap label={t('partnership.visits')}>
                  <table className="data-table" data-testid="visit-list">
                    <caption className="visually-hidden">{t('partnership.visits')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('partnership.visitor')}</th>
                        <th scope="col">{t('partnership.roleLabel')}</th>
                        <th scope="col">{t('partnership.fromTo')}</th>
                        <th scope="col">{t('partnership.dates')}</th>
                        <th scope="col">{t('partnership.purposeLabel')}</th>
                        <th scope="col">{t('partnership.courses')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {visits.items.map((v) => (
                        <tr key={v.id}>
                          <th scope="row">
                            <LocalText text={v.visitor} /> {v.invented ? <InventedBadge /> : null}
                          </th>
                          <td>{t(`partnership.visitorRole.${v.role}`)}</td>
                          <td>
                            {text(v.from.name)} → {text(v.to.name)}
                          </td>
                          <td>
                            <Period from={v.startsOn} to={v.endsOn} />
                          </td>
                          <td>
                            {v.eventId ? (
                              <Link to={`/events/${enc(v.eventId)}`}>
                                {t(`partnership.purpose.${v.purpose}`)}
                              </Link>
                            ) : (
                              t(`partnership.purpose.${v.purpose}`)
                            )}
                          </td>
                          <td>
                            {v.courses
                              .map(
                                (c) =>
                                  `${text(c.title)}${c.hours ? ` (${t('partnership.hours', { count: c.hours })})` : ''}`,
                              )
                              .join('; ') || '—'}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              ) : null}
            </section>
          </>
        )}
      </ResourceView>
    </>
  );
}
