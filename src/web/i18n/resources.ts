import type { Language } from '../api/types.ts';
import { NOTIFICATION_CATALOGS } from '../../i18n/catalog.ts';
import { mergeLocale, type Tree } from './merge.ts';

/**
 * Every feature file of every language at once, for tests and checks that read all languages
 * together; the web app itself loads one language's chunk (bundles/<lang>.ts).
 */
const featureFiles = import.meta.glob<Tree>('../locales/features/*.json', {
  eager: true,
  import: 'default',
});

/** The main file, every feature file and the notification catalog of one language, merged. */
export function withFeatures(language: Language, main: Tree): Tree {
  const features = Object.fromEntries(
    Object.entries(featureFiles).filter(([path]) => path.endsWith(`.${language}.json`)),
  );
  return mergeLocale(main, features, NOTIFICATION_CATALOGS[language]);
}
