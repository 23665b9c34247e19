import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { createAgreement } from './api.ts';
import { fieldIssues } from '../../api/client.ts';
import { listAllConsortia, listAllInstitutions } from '../registry/index.ts';
import { useSession } from '../../app/session.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { AgreementContentFields } from './agreement-content-fields.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';
import { PartyPicker, type PartyDraft } from './party-picker.tsx';
import { contentFromDraft, emptyDraft, type ContentDraft } from './agreement-draft.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';

export function AgreementNewPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('agreementForm.newTitle'));
  const registry = useResource(session.status === 'signed-in' ? 'registry' : null, (signal) =>
    Promise.all([listAllInstitutions({}, signal), listAllConsortia(signal)]),
  );

  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return <Navigate to="/sign-in" replace state={{ from: '/agreements/new' }} />;
  }
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/agreements">{t('nav.agreements')}</Link>
          </li>
          <li aria-current="page">{t('agreementForm.newTitle')}</li>
        </ol>
      </nav>
      <h1>{t('agreementForm.newTitle')}</h1>
      <p className="muted">{t('agreementForm.intro')}</p>
      <ResourceView resource={registry}>
        {([institutions, consortia]) => (
          <NewAgreementForm institutions={institutions} consortia={consortia} />
        )}
      </ResourceView>
    </>
  );
}

type FormProps = {
  institutions: Awaited<ReturnType<typeof listAllInstitutions>>;
  consortia: Awaited<ReturnType<typeof listAllConsortia>>;
};

function NewAgreementForm({ institutions, consortia }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localNameOf = useLocalName();
  const [partyA, setPartyA] = useState<PartyDraft>({ type: 'consortium', id: '' });
  const [partyB, setPartyB] = useState<PartyDraft>({ type: 'consortium', id: '' });
  const [draft, setDraft] = useState<ContentDraft>(emptyDraft);
  const { busy: submitting, error, run } = useAction();
  const issues = fieldIssues(error);

  const nameOf = (party: PartyDraft, fallback: string) => {
    const list = party.type === 'institution' ? institutions : consortia;
    const found = list.find((entity) => entity.id === party.id);
    return found ? localNameOf(found) : fallback;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async (csrfToken) => {
      const created = await createAgreement(
        { partyA, partyB, content: contentFromDraft(draft) },
        csrfToken,
      );
      void navigate(`/agreements/${encodeURIComponent(created.id)}`, {
        state: { created: true },
      });
    });
  };

  return (
    <form className="form card" data-testid="agreement-form" onSubmit={onSubmit}>
      <FormErrors error={error} />
      <div className="field-row">
        <PartyPicker
          name="partyA"
          legend={t('agreementForm.partyA')}
          value={partyA}
          onChange={setPartyA}
          institutions={institutions}
          consortia={consortia}
          issues={issues}
        />
        <PartyPicker
          name="partyB"
          legend={t('agreementForm.partyB')}
          value={partyB}
          onChange={setPartyB}
          institutions={institutions}
          consortia={consortia}
          issues={issues}
        />
      </div>
      <AgreementContentFields
        draft={draft}
        onChange={setDraft}
        issues={issues}
        partyNames={{
          A: nameOf(partyA, t('agreementForm.partyA')),
          B: nameOf(partyB, t('agreementForm.partyB')),
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t('agreementForm.creating') : t('agreementForm.create')}
        </button>
        <Link to="/agreements" className="button button-link">
          {t('actions.cancel')}
        </Link>
      </div>
    </form>
  );
}
