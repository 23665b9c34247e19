import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LocalizedName } from '../../components/ui/localized-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getRecognisedCredits } from './api.ts';
import { CreditsText, LText } from './components.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './mobility.css';

/** R7: the student's own recognised credits, from mobilities and the Course Jukebox. */
export function RecognisedCreditsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mobility.credits.title'));
  const data = useResource('recognised-credits', (signal) => getRecognisedCredits(signal));
  return (
    <>
      <div className="page-header">
        <h1>{t('mobility.credits.title')}</h1>
      </div>
      <p className="muted">{t('mobility.credits.intro')}</p>
      <ResourceView resource={data}>
        {(dataData) =>
          dataData.items.length === 0 ? (
            <div className="empty" role="status">
              <p>{t('mobility.credits.empty')}</p>
            </div>
          ) : (
            <>
              <ul className="credit-totals" data-testid="credit-totals">
                {dataData.totals.map((x) => (
                  <li key={x.system}>
                    <strong>
                      <CreditsText credits={{ value: x.recognised, system: x.system }} />
                    </strong>{' '}
                    {t('mobility.rec.ofPlanned')}{' '}
                    <CreditsText credits={{ value: x.planned, system: x.system }} />
                  </li>
                ))}
              </ul>
              <div className="table-wrap">
                <table className="data-table" data-testid="recognised-credits">
                  <caption className="visually-hidden">{t('mobility.credits.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('mobility.la.hostCourse')}</th>
                      <th scope="col">{t('mobility.credits.host')}</th>
                      <th scope="col">{t('mobility.la.homeCourse')}</th>
                      <th scope="col">{t('mobility.rec.decision')}</th>
                      <th scope="col">{t('mobility.rec.recognised')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dataData.items.map((i) => (
                      <tr key={`${i.sourceId}|${i.decision.componentId}`}>
                        <th scope="row">
                          <code>{i.decision.hostCourseCode}</code>{' '}
                          {i.source === 'mobility' ? (
                            <Link to={`/mobilities/${i.sourceId}`}>
                              {t('mobility.credits.open')}
                            </Link>
                          ) : (
                            <span className="badge">{t('mobility.credits.jukebox')}</span>
                          )}
                        </th>
                        <td data-label={t('mobility.credits.host')}>
                          {i.host ? (
                            <LocalizedName entity={i.host} />
                          ) : (
                            i.decision.hostInstitutionId
                          )}
                        </td>
                        <td data-label={t('mobility.la.homeCourse')}>
                          {i.decision.homeCourseCode ? (
                            <code>{i.decision.homeCourseCode}</code>
                          ) : null}{' '}
                          <LText text={i.decision.homeTitle} />
                        </td>
                        <td data-label={t('mobility.rec.decision')}>
                          {t(`mobility.rec.outcome.${i.decision.outcome}`)}
                          {i.decision.reason ? (
                            <p className="small muted">{i.decision.reason}</p>
                          ) : null}
                        </td>
                        <td data-label={t('mobility.rec.recognised')}>
                          <CreditsText credits={i.decision.creditsRecognised} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </ResourceView>
    </>
  );
}
