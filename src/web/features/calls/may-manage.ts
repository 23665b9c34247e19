import type { Actor } from '../../api/types.ts';

/** Coordinators and rep officers (and platform admins) may open calls (`call:manage`). */
export function mayManageCalls(actor: Actor | null): boolean {
  return (
    !!actor &&
    (actor.platformAdmin ||
      actor.roles.some((r) => r.role === 'coordinator' || r.role === 'rep_officer'))
  );
}
