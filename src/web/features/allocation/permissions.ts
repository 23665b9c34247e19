import type { Actor } from '../../api/types.ts';

/**
 * Staff who may run allocations: coordinators, representative-university officers, admins. For
 * display only — the server checks `allocation:run` against the instance's universities.
 */
export function mayRunAllocations(actor: Actor | null): boolean {
  if (!actor) return false;
  return (
    actor.platformAdmin ||
    actor.roles.some((assignment) => ['coordinator', 'rep_officer'].includes(assignment.role))
  );
}
