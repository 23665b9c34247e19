import type { Feature } from '../feature.ts';
import { WorkspacePage } from './workspace-page.tsx';

/** The signed-in person's workspace: the tasks waiting for them (locales/features/workspace.*.json). */
export const workspaceFeature: Feature = {
  routes: [{ path: 'workspace', element: <WorkspacePage /> }],
  nav: (actor) => (actor ? [{ to: '/workspace', labelKey: 'workspace.nav' }] : []),
};
