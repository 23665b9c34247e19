import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { ApiError } from '../../api/client.ts';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { SESSION_HINT_STORAGE_KEY, writeStorage } from '../../lib/preferences.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { verifySignUp } from './api.ts';

type State =
  | { status: 'working' }
  | { status: 'done'; home: Record<string, string | undefined> }
  | { status: 'refused'; error: unknown };

/**
 * The page of a sign-up link (public): it confirms the address once, which makes the student
 * account and signs it in, or says why the link no longer works (unknown, expired, used).
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const [state, setState] = useState<State>({ status: 'working' });
  const started = useRef(false);
  useDocumentTitle(t('signup.verify.title'));

  useEffect(() => {
    // Once: the link is single use, and a second request would be refused as used.
    if (started.current) return;
    started.current = true;
    verifySignUp(token).then(
      (made) => {
        writeStorage(SESSION_HINT_STORAGE_KEY, '1');
        setState({ status: 'done', home: made.home });
      },
      (error: unknown) => setState({ status: 'refused', error }),
    );
  }, [token]);

  const refusals =
    state.status === 'refused' && state.error instanceof ApiError
      ? (state.error.details?.refusals ?? [])
      : [];
  return (
    <>
      <h1>{t('signup.verify.title')}</h1>
      {state.status === 'working' ? (
        <p role="status">{t('signup.verify.working')}</p>
      ) : state.status === 'done' ? (
        <p className="alert alert-success" role="status" data-testid="sign-up-verified">
          {t('signup.verify.done', { home: nameIn(state.home, i18n.language) })}{' '}
          {/* A full load, so that the app starts with the new session. */}
          <a href="/me/profile">{t('signup.verify.profile')}</a>
        </p>
      ) : refusals.length > 0 ? (
        <div className="alert alert-error" role="alert" data-testid="sign-up-refused">
          <p className="alert-title">{t('signup.verify.refused')}</p>
          <RefusalList refusals={refusals} />
          <Link to="/sign-up">{t('signup.verify.again')}</Link>
        </div>
      ) : (
        <FormErrors error={state.error} />
      )}
    </>
  );
}
