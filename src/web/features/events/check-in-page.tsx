import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { CheckInForm } from './registrations-page.tsx';
import './events.css';

/**
 * The page a confirmation's check-in link (its QR code) opens: the organiser at the door checks
 * the person in with one press; anyone else is refused by the server.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const { id = '', token = '' } = useParams();
  useDocumentTitle(t('events.manage.checkInTitle'));
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/events">{t('events.list.title')}</Link>
          </li>
          <li>
            <Link to={`/events/${encodeURIComponent(id)}`}>{t('events.event')}</Link>
          </li>
          <li aria-current="page">{t('events.manage.checkInTitle')}</li>
        </ol>
      </nav>
      <h1>{t('events.manage.checkInTitle')}</h1>
      <CheckInForm eventId={id} initial={token} onDone={() => undefined} />
    </>
  );
}
