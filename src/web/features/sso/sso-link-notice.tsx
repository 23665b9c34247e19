import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { refusalText } from '../../lib/messages.ts';

/** On the account page: how linking a university identity ended (`?sso=linked` or a refusal). */
export function SsoLinkNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('sso');
  if (code === 'linked') {
    return (
      <div className="alert alert-success" role="status">
        <p>{t('sso.linked')}</p>
      </div>
    );
  }
  if (!code || !code.startsWith('sso.')) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{refusalText(t, { code, params: {} })}</p>
    </div>
  );
}
