import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  A11Y_SETTINGS_STORAGE_KEY,
  A11Y_STORAGE_KEY,
  applyA11yToDocument,
  initialA11y,
  readStorage,
  writeStorage,
} from '../lib/preferences.ts';
import {
  DEFAULT_A11Y_SETTINGS,
  FONT_SIZES,
  SCHEMES,
  SPACINGS,
  type A11ySettings,
} from '../lib/a11y-options.ts';

// The reading mode for visually impaired readers that the site of source document 001 offers: font
// size, letter spacing, colour scheme, images on or off. One switch turns it on with strong
// defaults; the settings bar refines it. Everything is a class on <html>, so it holds on every
// page.

const MODIFIER_CLASSES = [
  ...FONT_SIZES.map((v) => `a11y-font-${v}`),
  ...SPACINGS.map((v) => `a11y-spacing-${v}`),
  ...SCHEMES.map((v) => `a11y-scheme-${v}`),
  'a11y-images',
];

function pick<T extends string>(options: readonly T[], value: unknown, fallback: T): T {
  return options.includes(value as T) ? (value as T) : fallback;
}

function readSettings(): A11ySettings {
  const raw = readStorage(A11Y_SETTINGS_STORAGE_KEY);
  if (!raw) return DEFAULT_A11Y_SETTINGS;
  try {
    const parsed = JSON.parse(raw) as Partial<A11ySettings>;
    return {
      fontSize: pick(FONT_SIZES, parsed.fontSize, DEFAULT_A11Y_SETTINGS.fontSize),
      spacing: pick(SPACINGS, parsed.spacing, DEFAULT_A11Y_SETTINGS.spacing),
      scheme: pick(SCHEMES, parsed.scheme, DEFAULT_A11Y_SETTINGS.scheme),
      images: parsed.images === true,
    };
  } catch {
    return DEFAULT_A11Y_SETTINGS;
  }
}

export function applyA11ySettingsToDocument(enabled: boolean, settings: A11ySettings): void {
  applyA11yToDocument(enabled);
  const classes = document.documentElement.classList;
  classes.remove(...MODIFIER_CLASSES);
  if (!enabled) return;
  classes.add(`a11y-font-${settings.fontSize}`);
  classes.add(`a11y-spacing-${settings.spacing}`);
  classes.add(`a11y-scheme-${settings.scheme}`);
  if (settings.images) classes.add('a11y-images');
}

/** Applies the stored mode before the first render, so pages never flash in the wrong mode. */
export function applyStoredA11y(): void {
  applyA11ySettingsToDocument(initialA11y(), readSettings());
}

type A11yContextValue = {
  enabled: boolean;
  settings: A11ySettings;
  toggle: () => void;
  update: (patch: Partial<A11ySettings>) => void;
  reset: () => void;
};

const A11yContext = createContext<A11yContextValue | null>(null);

export function A11yProvider({ children }: { children: ReactNode }) {
  const [enabled, setEnabled] = useState(initialA11y);
  const [settings, setSettings] = useState(readSettings);

  useEffect(() => {
    applyA11ySettingsToDocument(enabled, settings);
  }, [enabled, settings]);

  // Keep tabs in step: turning the mode on in one tab turns it on in the others.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === A11Y_STORAGE_KEY) setEnabled(event.newValue === '1');
      if (event.key === A11Y_SETTINGS_STORAGE_KEY) setSettings(readSettings());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const toggle = useCallback(() => {
    setEnabled((previous) => {
      writeStorage(A11Y_STORAGE_KEY, previous ? '0' : '1');
      return !previous;
    });
  }, []);

  const update = useCallback((patch: Partial<A11ySettings>) => {
    setSettings((previous) => {
      const next = { ...previous, ...patch };
      writeStorage(A11Y_SETTINGS_STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    writeStorage(A11Y_SETTINGS_STORAGE_KEY, null);
    setSettings(DEFAULT_A11Y_SETTINGS);
  }, []);

  const value = useMemo(
    () => ({ enabled, settings, toggle, update, reset }),
    [enabled, settings, toggle, update, reset],
  );
  return <A11yContext.Provider value={value}>{children}</A11yContext.Provider>;
}

export function useA11y(): A11yContextValue {
  const value = useContext(A11yContext);
  if (!value) throw new Error('useA11y must be used inside <A11yProvider>');
  return value;
}
