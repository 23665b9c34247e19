import {
  POLICY,
  type Action,
  type MaybeActor,
  type Resource,
  type RoleAssignment,
} from './policy.ts';

/** Does this role's scope cover the resource? */
export function scopeCovers(
  assignment: RoleAssignment,
  resource: Resource,
  actorId: string,
): boolean {
  switch (assignment.scopeType) {
    case 'institution':
      return resource.institutionIds?.includes(assignment.scopeId) ?? false;
    case 'consortium':
    case 'association':
      return resource.consortiumIds?.includes(assignment.scopeId) ?? false;
    case 'program':
      return resource.programIds?.includes(assignment.scopeId) ?? false;
    case 'call':
      return resource.callIds?.includes(assignment.scopeId) ?? false;
    case 'self':
      return resource.ownerUserId != null && resource.ownerUserId === actorId;
  }
}

/**
 * The one access decision: may `actor` do `action` on `resource`? Pure; services call it before
 * every read of scoped data and every write. A platform administrator manages accounts and may do
 * everything an administrator needs; scoped roles grant only within their scope.
 */
export function can(actor: MaybeActor, action: Action, resource: Resource): boolean {
  const rule = POLICY[action];
  if (rule === 'public') return true;
  if (!actor) return false;
  if (actor.platformAdmin) return true;
  if (rule === 'signed-in') return true;
  if ('anyScope' in rule) return actor.roles.some((a) => rule.anyScope.includes(a.role));
  if ('scoped' in rule) {
    const creator =
      rule.creator !== undefined &&
      resource.createdBy != null &&
      resource.createdBy === actor.id &&
      actor.roles.some((a) => rule.creator?.includes(a.role));
    const officer =
      rule.officers === true && (resource.officerUserIds?.includes(actor.id) ?? false);
    const owner =
      rule.owner === true && resource.ownerUserId != null && resource.ownerUserId === actor.id;
    return creator || officer || owner || coveredBy(actor, rule.scoped, resource);
  }
  return coveredBy(actor, rule, resource);
}

/** Does the actor hold one of `roles` in a scope covering the resource? */
function coveredBy(
  actor: NonNullable<MaybeActor>,
  roles: readonly string[],
  resource: Resource,
): boolean {
  return actor.roles.some(
    (assignment) => roles.includes(assignment.role) && scopeCovers(assignment, resource, actor.id),
  );
}
