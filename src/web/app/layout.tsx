import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { FEATURES, TasksProvider, useNavBadges } from '../features/index.ts';
import { A11ySettingsBar } from './a11y-settings.tsx';
import { A11yToggle } from './a11y-toggle.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { SiteMenu } from './site-menu.tsx';
import { UserMenu } from './user-menu.tsx';
import { useSession } from './session.tsx';

/** The shell; the tasks of the signed-in person load once per page, for the header's badges. */
export function Layout() {
  return (
    <TasksProvider>
      <Shell />
    </TasksProvider>
  );
}

/** A header link with the number of tasks waiting under it, read out in words. */
function NavItem({ to, label, count }: { to: string; label: string; count: number }) {
  const { t } = useTranslation();
  return (
    <NavLink to={to} data-testid={`nav-${to}`}>
      {label}
      {count > 0 ? (
        <span className="nav-badge" data-testid="nav-badge">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t('workspace.navBadge', { count })}</span>
        </span>
      ) : null}
    </NavLink>
  );
}

function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const badges = useNavBadges();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPath = useRef(pathname);
  const featureLinks = FEATURES.flatMap(
    (feature) => feature.nav?.(session.actor, session.may) ?? [],
  );
  const navLinks = [
    ...featureLinks.filter((item) => !item.end),
    ...featureLinks.filter((item) => item.end),
  ];

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    const target = heading ?? mainRef.current;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    }
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <svg
              className="brand-mark decorative"
              viewBox="0 0 32 32"
              aria-hidden="true"
              focusable="false"
            >
              <path
                d="M3 22c6-9 20-9 26 0"
                fill="none"
                stroke="currentColor"
                strokeWidth="3"
                strokeLinecap="round"
              />
              <path d="M9 17v7M16 14v10M23 17v7" stroke="currentColor" strokeWidth="2" />
            </svg>
            <span>{t('app.brand')}</span>
          </Link>
          <SiteMenu>
            <nav className="main-nav" aria-label={t('nav.label')}>
              <ul>
                {navLinks.map((item) => (
                  <li key={item.to}>
                    <NavItem
                      to={item.to}
                      label={t(item.labelKey)}
                      count={badges.get(item.to) ?? 0}
                    />
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header-tools">
              <LanguageSwitch />
              <A11yToggle />
              <UserMenu />
            </div>
          </SiteMenu>
        </div>
      </header>
      <A11ySettingsBar />
      <main id="main" ref={mainRef} tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.tagline')}</p>
          <p className="muted">{t('footer.license')}</p>
        </div>
      </footer>
    </div>
  );
}
