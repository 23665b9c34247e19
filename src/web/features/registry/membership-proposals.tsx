import { useTranslation } from 'react-i18next';
import type { MembershipProposal } from '../../api/contract.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { LocalizedName } from '../../components/ui/localized-name.tsx';
import { answerProposal } from './api.ts';

type Text = MembershipProposal['institutionName'];
const named = (text: Text) => ({
  name: text.en ?? text.ja ?? text.ru ?? text.fr ?? '',
  names: text,
});

/**
 * Open membership proposals with what the reader may answer: the other side accepts or declines,
 * the proposing side withdraws. Shown on a consortium's page and on a university's page.
 */
export function MembershipProposals({
  proposals,
  onChanged,
}: {
  proposals: readonly MembershipProposal[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { run, error, busy } = useAction();
  if (proposals.length === 0) return null;
  const answer = async (p: MembershipProposal, a: 'accept' | 'decline' | 'withdraw') => {
    if (await run((csrf) => answerProposal(p.consortiumId, p.id, a, csrf))) onChanged();
  };
  return (
    <section className="card" aria-labelledby="membership-proposals" data-testid="proposals">
      <h2 id="membership-proposals">{t('membership.proposals')}</h2>
      <FormErrors error={error} />
      <ul>
        {proposals.map((p) => (
          <li key={p.id}>
            <p>
              {t(
                p.proposedBy === 'consortium'
                  ? 'membership.proposedByConsortium'
                  : 'membership.proposedByInstitution',
              )}{' '}
              <LocalizedName entity={named(p.institutionName)} /> —{' '}
              <LocalizedName entity={named(p.consortiumName)} />, {t('membership.joinedOn')}{' '}
              <FormattedDate value={p.joinedOn} />
            </p>
            <div className="form-actions">
              {p.may.accept ? (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy}
                  onClick={() => void answer(p, 'accept')}
                >
                  {t('membership.accept')}
                </button>
              ) : null}
              {p.may.decline ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void answer(p, 'decline')}
                >
                  {t('membership.decline')}
                </button>
              ) : null}
              {p.may.withdraw ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void answer(p, 'withdraw')}
                >
                  {t('membership.withdraw')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
