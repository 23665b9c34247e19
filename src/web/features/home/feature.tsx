import { page, type Feature } from '../feature.ts';

/**
 * The start page: the welcome (strings in locales/*.json, the core every page has) or, for someone
 * signed in, the workspace, fetched with its own translations when it is shown.
 */
export const homeFeature: Feature = {
  routes: [{ index: true, lazy: page(() => import('./home-page.tsx'), 'HomePage') }],
  locales: [],
};
