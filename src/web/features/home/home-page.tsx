import i18next from 'i18next';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { withParts } from '../../i18n/parts.ts';
import { workspaceFeature } from '../workspace/index.ts';

/** The workspace, fetched with its translations only when someone signed in opens the start page. */
const Workspace = lazy(
  withParts(i18next, workspaceFeature.locales, async () => ({
    default: (await import('../workspace/index.ts')).Workspace,
  })),
);

/** The start page: a signed-in person's workspace (what waits for them); the welcome otherwise. */
export function HomePage() {
  const session = useSession();
  useDocumentTitle(null);
  if (session.status === 'signed-in') {
    return (
      <Suspense fallback={<Loading />}>
        <Workspace />
      </Suspense>
    );
  }
  if (session.status === 'loading') return <Loading />;
  return <Welcome />;
}

function Welcome() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <section className="hero">
        <div className="hero-text">
          <h1>{t('home.title')}</h1>
          <p className="lead">{t('home.lead')}</p>
          <p>{t('home.body')}</p>
          <p className="hero-actions">
            <Link to="/institutions" className="button button-primary">
              {t('home.browseInstitutions')}
            </Link>
            <Link to="/consortia" className="button button-secondary">
              {t('home.browseConsortia')}
            </Link>
            {session.status === 'anonymous' ? (
              <Link to="/sign-in" className="button button-link">
                {t('home.signIn')}
              </Link>
            ) : null}
          </p>
        </div>
        <svg
          className="hero-art decorative"
          viewBox="0 0 240 120"
          aria-hidden="true"
          focusable="false"
        >
          <rect x="0" y="92" width="240" height="28" rx="4" className="hero-art-water" />
          <path d="M10 92 C 70 20, 170 20, 230 92" className="hero-art-arch" />
          <path d="M10 70 H 230" className="hero-art-deck" />
          <path d="M50 52 V 70 M80 38 V 70 M120 32 V 70 M160 38 V 70 M190 52 V 70" />
          <circle cx="200" cy="24" r="10" className="hero-art-sun" />
        </svg>
      </section>
      <section className="cards" aria-labelledby="home-features">
        <h2 id="home-features">{t('home.featuresTitle')}</h2>
        <ul className="card-grid">
          <li className="card">
            <h3>
              <Link to="/institutions">{t('home.features.registryTitle')}</Link>
            </h3>
            <p>{t('home.features.registryBody')}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/consortia">{t('home.features.consortiaTitle')}</Link>
            </h3>
            <p>{t('home.features.consortiaBody')}</p>
          </li>
          <li className="card">
            <h3>{t('home.features.accessibleTitle')}</h3>
            <p>{t('home.features.accessibleBody')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}
