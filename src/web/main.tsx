import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { applyStoredA11y } from './app/a11y.tsx';
import { createRouter } from './app/router.tsx';
import { setupI18n } from './i18n/i18n.ts';
import './styles.css';

// After a new release, a page left open asks for chunks of the release it was loaded with, which
// are gone: it reloads once (index.html is always revalidated) rather than showing an error.
const RELOADED_KEY = 'kakehashi.reloadedForRelease';
window.addEventListener('vite:preloadError', (event) => {
  // Within a minute of such a reload, the chunk is missing for another reason: the error shows.
  if (Date.now() - Number(sessionStorage.getItem(RELOADED_KEY) ?? 0) < 60_000) return;
  event.preventDefault();
  sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  location.reload();
});

// Reading mode is applied before the first render, so no page flashes unstyled.
applyStoredA11y();
// The router starts loading the first page's chunk while the reader's language is fetched; the
// first render waits for the language, so no page shows untranslated keys.
const router = createRouter();
const languageReady = setupI18n();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
// A language chunk that cannot be fetched still lets the app start (with keys for text).
languageReady.then(render, (error: unknown) => {
  console.error(error);
  render();
});
