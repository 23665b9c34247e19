import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFocusOnMount } from '../../components/ui/focus.ts';
import { LocalizedName } from '../../components/ui/localized-name.tsx';
import type { Application, CallDetail } from './api.ts';

/** The submitted application: it replaces the form and takes focus, so the reader hears it. */
export function Applied({
  done,
  names,
}: {
  done: Application;
  names: Map<string, CallDetail['hosts'][number]>;
}) {
  const { t } = useTranslation();
  const ref = useFocusOnMount<HTMLElement>();
  return (
    <section ref={ref} className="card" role="status" data-testid="applied">
      <h2>{t('calls.apply.title')}</h2>
      <p>{t('calls.apply.done')}</p>
      <ol>
        {done.ranking.map((h) => (
          <li key={h}>
            {names.get(h) ? <LocalizedName entity={names.get(h) as { name: string }} /> : h}
          </li>
        ))}
      </ol>
      <Link to="/me/applications">{t('calls.mine.title')}</Link>
    </section>
  );
}
