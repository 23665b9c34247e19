import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * The header's links and tools behind one menu button on narrow screens (below 44rem), so the
 * header of a phone is one line instead of half the screen; on wider screens the button is
 * hidden and everything shows. The menu closes on navigation and on Escape (focus back on the
 * button).
 */
export function SiteMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button-toggle site-menu-button"
        aria-expanded={open}
        aria-controls={id}
        data-testid="site-menu-button"
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span>{t('header.menu')}</span>
      </button>
      <div
        id={id}
        className="site-menu"
        data-open={open}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return;
          setOpen(false);
          buttonRef.current?.focus();
        }}
      >
        {children}
      </div>
    </>
  );
}
