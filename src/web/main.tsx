import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { applyStoredA11y } from './app/a11y.tsx';
import { setupI18n } from './i18n/i18n.ts';
import './styles.css';

// Language and reading mode are applied before the first render, so no page flashes unstyled.
setupI18n();
applyStoredA11y();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
