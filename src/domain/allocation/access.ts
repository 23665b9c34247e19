/**
 * Who may run and publish allocations, through the one policy (`can`, `allocation:run`):
 * coordinators of the instance's universities and officers of its consortia.
 */
import { can } from '../access/can.ts';
import type { MaybeActor, Resource } from '../access/policy.ts';
import type { AllocationInstance } from './types.ts';

/** The resource a run is: the universities and consortia of its instance. */
export function allocationResource(instance: Pick<AllocationInstance, 'universities'>): Resource {
  return {
    type: 'allocation',
    institutionIds: instance.universities.map((u) => u.id),
    consortiumIds: [
      ...new Set(instance.universities.map((u) => u.consortium).filter((c): c is string => !!c)),
    ],
  };
}

/**
 * May the actor run an allocation anywhere: on the institutions and consortia their own roles
 * cover. What the allocation pages and the header link ask before a run exists.
 */
export function mayRunAllocations(actor: MaybeActor): boolean {
  if (!actor) return false;
  const scoped = (types: readonly string[]) =>
    actor.roles.filter((r) => types.includes(r.scopeType)).map((r) => r.scopeId);
  return can(actor, 'allocation:run', {
    type: 'allocation',
    institutionIds: scoped(['institution']),
    consortiumIds: scoped(['consortium', 'association']),
  });
}
