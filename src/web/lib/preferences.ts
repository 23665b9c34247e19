import { LANGUAGES, type Language } from '../api/contract.ts';

export const LANGUAGE_STORAGE_KEY = 'kakehashi.lang';
export const A11Y_STORAGE_KEY = 'kakehashi.a11y';
export const A11Y_SETTINGS_STORAGE_KEY = 'kakehashi.a11y.settings';
export const SESSION_HINT_STORAGE_KEY = 'kakehashi.session';

export function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode, disabled cookies): the preference lasts the visit.
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored language, else the first supported browser language, else English. */
export function initialLanguage(): Language {
  const stored = readStorage(LANGUAGE_STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const candidates =
    typeof navigator === 'undefined'
      ? []
      : [...(navigator.languages ?? []), navigator.language].filter(Boolean);
  for (const candidate of candidates) {
    const base = candidate.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function applyLanguageToDocument(language: Language): void {
  document.documentElement.lang = language;
}

export function initialA11y(): boolean {
  return readStorage(A11Y_STORAGE_KEY) === '1';
}

export function applyA11yToDocument(enabled: boolean): void {
  document.documentElement.classList.toggle('a11y', enabled);
}
