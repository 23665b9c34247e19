import { page, type Feature } from '../feature.ts';

/** The signed-in person's workspace: the tasks waiting for them (locales/features/workspace.*.json). */
export const workspaceFeature: Feature = {
  locales: ['calls', 'mobility', 'workspace'],
  routes: [
    { path: 'workspace', lazy: page(() => import('./workspace-page.tsx'), 'WorkspacePage') },
  ],
  nav: (actor) => (actor ? [{ to: '/workspace', labelKey: 'workspace.nav' }] : []),
};
