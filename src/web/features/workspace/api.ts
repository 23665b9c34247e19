/** The signed-in person's workspace: the tasks waiting for them. */
import type { WorkspaceTaskList, WorkspaceTaskView } from '../../../server/routes/me.schema.ts';
import { apiRequest } from '../../api/client.ts';

export type WorkspaceTask = WorkspaceTaskView;
export type TaskKind = WorkspaceTaskView['kind'];

export const myTasks = (signal?: AbortSignal) =>
  apiRequest<WorkspaceTaskList>('/me/tasks', { signal });
