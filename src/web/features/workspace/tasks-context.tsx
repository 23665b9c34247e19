import { createContext, useContext, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { useResource, type Resource } from '../../lib/use-resource.ts';
import { myTasks } from './api.ts';
import { badgeCounts } from './nav-badges.ts';

type Tasks = Resource<Awaited<ReturnType<typeof myTasks>>> & { reload: () => void };

const TasksContext = createContext<Tasks | null>(null);

/**
 * Loads the signed-in person's tasks once per page they open (a task done on one page is gone
 * from the counts on the next), for the header's badges and the workspace page alike.
 */
export function TasksProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const key = session.status === 'signed-in' ? `tasks:${session.actor.id}:${pathname}` : null;
  const tasks = useResource(key, (signal) => myTasks(signal));
  return <TasksContext.Provider value={tasks}>{children}</TasksContext.Provider>;
}

/** The tasks as the provider loaded them (a page outside the provider loads nothing). */
export function useTasks(): Tasks {
  const tasks = useContext(TasksContext);
  if (!tasks) throw new Error('useTasks outside TasksProvider');
  return tasks;
}

/** Header link → count, kept from the last answer while the next page's counts load. */
export function useNavBadges(): Map<string, number> {
  const tasks = useContext(TasksContext);
  const session = useSession();
  const last = useRef(new Map<string, number>());
  if (session.status !== 'signed-in') last.current = new Map();
  else if (tasks?.status === 'success') last.current = badgeCounts(tasks.data.items);
  return last.current;
}
