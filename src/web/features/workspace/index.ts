/** What the shell and the start page use of the workspace. */
export { TasksProvider, useNavBadges } from './tasks-context.tsx';
export { Workspace } from './workspace-page.tsx';
export { workspaceFeature } from './feature.tsx';
