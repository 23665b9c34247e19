import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { listAgreements } from '../agreements/index.ts';
import { listAllConsortia, listAllInstitutions } from '../registry/index.ts';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getCall, listPrograms } from './api.ts';
import { CallForm } from './call-form.tsx';
import { draftOf, emptyDraft } from './call-form-draft.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './calls.css';

/** New call (`/calls/new`) and edit (`/calls/:id/edit`). */
export function CallFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const editing = id !== undefined;
  useDocumentTitle(editing ? t('calls.form.editTitle') : t('calls.form.newTitle'));
  const data = useResource(
    session.status === 'signed-in' ? `call-form|${id ?? ''}` : null,
    (signal) =>
      Promise.all([
        listPrograms(signal),
        listAgreements({}, signal),
        listAllConsortia(signal),
        listAllInstitutions({}, signal),
        editing ? getCall(id, signal) : Promise.resolve(null),
      ]),
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return (
      <Navigate
        to="/sign-in"
        replace
        state={{ from: editing ? `/calls/${id}/edit` : '/calls/new' }}
      />
    );
  }
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/calls">{t('calls.catalogue.title')}</Link>
          </li>
          <li aria-current="page">
            {editing ? t('calls.form.editTitle') : t('calls.form.newTitle')}
          </li>
        </ol>
      </nav>
      <h1>{editing ? t('calls.form.editTitle') : t('calls.form.newTitle')}</h1>
      <p className="muted">{t('calls.form.intro')}</p>
      <ResourceView resource={data}>
        {(dataData) => (
          <CallForm
            key={id ?? 'new'}
            initial={dataData[4] ? draftOf(dataData[4]) : emptyDraft()}
            editing={editing}
            programs={dataData[0].items}
            agreements={dataData[1].items}
            consortia={dataData[2]}
            institutions={dataData[3]}
          />
        )}
      </ResourceView>
    </>
  );
}
