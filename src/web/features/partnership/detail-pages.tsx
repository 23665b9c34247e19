import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getBoard, getCotutelle, getLab, getProgramme } from './api.ts';
import { LocalText, useText } from './local-text.tsx';
import { Crumbs, Period, useMoney } from './pages.tsx';

const enc = encodeURIComponent;

/** A degree programme with its curriculum split and its cohorts (paths within scope). */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const text = useText();
  const data = useResource(`programme|${id}`, (signal) => getProgramme(id, signal));
  useDocumentTitle(data.status === 'success' ? text(data.data.title) : t('partnership.programme'));
  return (
    <ResourceView resource={data}>
      {(p) => (
        <>
          <Crumbs here={text(p.title)} />
          <h1>
            <LocalText text={p.title} /> {p.invented ? <InventedBadge /> : null}
          </h1>
          <dl className="facts">
            <dt>{t('partnership.kindLabel')}</dt>
            <dd>{t(`partnership.kind.${p.kind}`)}</dd>
            <dt>{t('partnership.levelLabel')}</dt>
            <dd>{t(`partnership.level.${p.level}`)}</dd>
            <dt>{t('partnership.field')}</dt>
            <dd>{p.field}</dd>
            <dt>{t('partnership.languages')}</dt>
            <dd>{p.languages.join(', ') || '—'}</dd>
            <dt>{t('partnership.dates')}</dt>
            <dd>
              <Period from={p.startsOn} to={p.endsOn} />
            </dd>
            <dt>{t('partnership.statusLabel')}</dt>
            <dd>{t(`partnership.programmeStatus.${p.status}`)}</dd>
            {p.board ? (
              <>
                <dt>{t('partnership.board')}</dt>
                <dd>
                  <Link to={`/partnerships/boards/${enc(p.board.id)}`}>
                    <LocalText text={p.board.name} />
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
          <section className="card" aria-labelledby="programme-partners">
            <h2 id="programme-partners">{t('partnership.partners')}</h2>
            <ul>
              {p.partners.map((x) => (
                <li key={x.institutionId}>
                  <LocalText text={x.name} /> — {t(`partnership.partnerRole.${x.role}`)}
                  {Object.keys(x.degree).length ? (
                    <>
                      {' '}
                      (<LocalText text={x.degree} />)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="programme-split">
            <h2 id="programme-split">{t('partnership.split')}</h2>
            <TableWrap label={t('partnership.split')}>
              <table className="data-table" data-testid="programme-split">
                <caption className="visually-hidden">{t('partnership.split')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('partnership.institution')}</th>
                    <th scope="col">{t('partnership.semesters')}</th>
                    <th scope="col">{t('partnership.credits')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.split.map((s, i) => (
                    <tr key={i}>
                      <th scope="row">
                        <LocalText text={s.name} />
                      </th>
                      <td>{s.semesters.join(', ')}</td>
                      <td>{s.credits}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('partnership.total')}</th>
                    <td />
                    <td>{p.totalCredits}</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          </section>
          <section className="card" aria-labelledby="programme-cohorts">
            <h2 id="programme-cohorts">{t('partnership.cohorts')}</h2>
            {p.cohorts.length === 0 ? (
              <p>{t('partnership.noCohorts')}</p>
            ) : (
              <TableWrap label={t('partnership.cohorts')}>
                <table className="data-table">
                  <caption className="visually-hidden">{t('partnership.cohorts')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('partnership.intakeYear')}</th>
                      <th scope="col">{t('partnership.enrolled')}</th>
                      <th scope="col">{t('partnership.graduated')}</th>
                      <th scope="col">{t('partnership.paths')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.cohorts.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          {c.intakeYear} {c.invented ? <InventedBadge /> : null}
                        </th>
                        <td>{c.enrolled}</td>
                        <td>{c.graduated}</td>
                        <td>
                          {c.paths.length === 0
                            ? '—'
                            : c.paths.map((x) => (
                                <div key={x.id}>
                                  <LocalText text={x.student} />
                                  {x.mobilities.map((m) => (
                                    <div key={m.id} className="muted">
                                      {text(m.home)} → {text(m.host)},{' '}
                                      <FormattedDate value={m.startDate} />:{' '}
                                      {t('partnership.recognitions', {
                                        count: m.recognitions.length,
                                      })}
                                    </div>
                                  ))}
                                </div>
                              ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        </>
      )}
    </ResourceView>
  );
}

/** A joint laboratory or project with its funding, extensions and timeline. */
export function LabPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const text = useText();
  const money = useMoney();
  const data = useResource(`lab|${id}`, (signal) => getLab(id, signal));
  useDocumentTitle(data.status === 'success' ? text(data.data.title) : t('partnership.labs'));
  return (
    <ResourceView resource={data}>
      {(l) => (
        <>
          <Crumbs here={text(l.title)} />
          <h1>
            <LocalText text={l.title} /> {l.invented ? <InventedBadge /> : null}
          </h1>
          {Object.keys(l.description).length ? (
            <p>
              <LocalText text={l.description} />
            </p>
          ) : null}
          <dl className="facts">
            <dt>{t('partnership.partners')}</dt>
            <dd>{l.partners.map((x) => text(x.name)).join(' · ')}</dd>
            {l.fundingInstrument ? (
              <>
                <dt>{t('partnership.fundingInstrument')}</dt>
                <dd>{l.fundingInstrument}</dd>
              </>
            ) : null}
            {l.funding ? (
              <>
                <dt>{t('partnership.funding')}</dt>
                <dd>{money(l.funding)}</dd>
              </>
            ) : null}
            <dt>{t('partnership.dates')}</dt>
            <dd>
              <Period from={l.startsOn} to={l.endsOn} />
            </dd>
            <dt>{t('partnership.themes')}</dt>
            <dd>{l.themes.map((x) => text(x.label)).join(' · ') || '—'}</dd>
          </dl>
          <section className="card" aria-labelledby="lab-timeline">
            <h2 id="lab-timeline">{t('partnership.timeline')}</h2>
            <ol data-testid="lab-timeline">
              {l.timeline.map((e, i) => (
                <li key={i}>
                  <FormattedDate value={e.on} /> — {t(`partnership.happening.${e.kind}`)}
                  {e.amount ? ` (${money(e.amount)})` : ''}
                </li>
              ))}
            </ol>
          </section>
          {l.people.length ? (
            <section className="card" aria-labelledby="lab-people">
              <h2 id="lab-people">{t('partnership.people')}</h2>
              <ul>
                {l.people.map((p, i) => (
                  <li key={i}>
                    {p.name ? <LocalText text={p.name} /> : t('partnership.hiddenName')} — {p.role}
                    {p.institution ? ` (${text(p.institution)})` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </ResourceView>
  );
}

/** A cotutelle, for those in its scope. */
export function CotutellePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const text = useText();
  const data = useResource(`cotutelle|${id}`, (signal) => getCotutelle(id, signal));
  useDocumentTitle(t('partnership.cotutelle'));
  return (
    <ResourceView resource={data}>
      {(c) => (
        <>
          <Crumbs here={text(c.thesisTitle)} />
          <h1>
            <LocalText text={c.thesisTitle} /> {c.invented ? <InventedBadge /> : null}
          </h1>
          <dl className="facts">
            <dt>{t('partnership.candidate')}</dt>
            <dd>
              <LocalText text={c.candidate} />
            </dd>
            <dt>{t('partnership.supervisors')}</dt>
            <dd>
              {c.supervisors.map((s) => `${text(s.name)} (${text(s.institution)})`).join('; ')}
            </dd>
            <dt>{t('partnership.statusLabel')}</dt>
            <dd>{t(`partnership.cotutelleStatus.${c.status}`)}</dd>
            <dt>{t('partnership.started')}</dt>
            <dd>
              <FormattedDate value={c.startsOn} />
            </dd>
            <dt>{t('partnership.defence')}</dt>
            <dd>{c.defenceOn ? <FormattedDate value={c.defenceOn} /> : '—'}</dd>
            <dt>{t('partnership.degreesFrom')}</dt>
            <dd>{c.degreesFrom.map((d) => text(d.name)).join(' · ') || '—'}</dd>
          </dl>
        </>
      )}
    </ResourceView>
  );
}

/** An education board with its members, meetings (events) and planned programmes. */
export function BoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const text = useText();
  const data = useResource(`board|${id}`, (signal) => getBoard(id, signal));
  useDocumentTitle(data.status === 'success' ? text(data.data.name) : t('partnership.board'));
  return (
    <ResourceView resource={data}>
      {(b) => (
        <>
          <Crumbs here={text(b.name)} />
          <h1>
            <LocalText text={b.name} /> {b.invented ? <InventedBadge /> : null}
          </h1>
          {Object.keys(b.purpose).length ? (
            <p>
              <LocalText text={b.purpose} />
            </p>
          ) : null}
          <section className="card" aria-labelledby="board-members">
            <h2 id="board-members">{t('partnership.members')}</h2>
            <ul>
              {b.members.map((m, i) => (
                <li key={i}>
                  {m.name ? <LocalText text={m.name} /> : t('partnership.hiddenName')} —{' '}
                  {t(`partnership.boardRole.${m.role}`)} ({text(m.institution)})
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="board-meetings">
            <h2 id="board-meetings">{t('partnership.meetings')}</h2>
            {b.meetings.length === 0 ? <p>{t('partnership.noMeetings')}</p> : null}
            <ul>
              {b.meetings.map((e) => (
                <li key={e.id}>
                  <Link to={`/events/${enc(e.id)}`}>
                    <LocalText text={e.title} />
                  </Link>{' '}
                  — <Period from={e.startsOn} to={e.endsOn} />
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="board-planned">
            <h2 id="board-planned">{t('partnership.plannedProgrammes')}</h2>
            <ul>
              {b.plannedProgrammes.map((p) => (
                <li key={p.id}>
                  <Link to={`/partnerships/programmes/${enc(p.id)}`}>
                    <LocalText text={p.title} />
                  </Link>{' '}
                  — {t(`partnership.kind.${p.kind}`)},{' '}
                  {t(`partnership.programmeStatus.${p.status}`)}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </ResourceView>
  );
}
