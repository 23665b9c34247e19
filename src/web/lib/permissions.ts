import type { Actor, Role } from '../api/contract.ts';

// What the signed-in user may probably do, so the pages offer only forms that make sense.
// These mirror the server's policy for display only: the server still decides every write.

const hasScopedRole = (
  actor: Actor,
  roles: readonly Role[],
  scopeTypes: readonly string[],
  scopeIds: readonly string[],
) =>
  actor.roles.some(
    (a) =>
      roles.includes(a.role) && scopeTypes.includes(a.scopeType) && scopeIds.includes(a.scopeId),
  );

/** A coordinator of the institution, the secretariat of one of its consortia, or an admin. */
export function mayEditInstitution(
  actor: Actor | null,
  institution: { id: string; consortia?: { id: string; leftOn: string | null }[] },
): boolean {
  if (!actor) return false;
  if (actor.platformAdmin) return true;
  const consortiumIds = (institution.consortia ?? []).filter((c) => !c.leftOn).map((c) => c.id);
  return (
    hasScopedRole(actor, ['coordinator', 'secretariat'], ['institution'], [institution.id]) ||
    hasScopedRole(
      actor,
      ['coordinator', 'secretariat'],
      ['consortium', 'association'],
      consortiumIds,
    )
  );
}

/** The representative-university officer or the secretariat of that consortium, or an admin. */
export function mayWriteConsortium(actor: Actor | null, consortiumId: string): boolean {
  if (!actor) return false;
  if (actor.platformAdmin) return true;
  return hasScopedRole(
    actor,
    ['rep_officer', 'secretariat'],
    ['consortium', 'association'],
    [consortiumId],
  );
}

/** Anyone who may act for some party of an agreement. */
export function mayProposeAgreements(actor: Actor | null): boolean {
  if (!actor) return false;
  return (
    actor.platformAdmin ||
    actor.roles.some((a) => ['coordinator', 'rep_officer', 'secretariat'].includes(a.role))
  );
}

/** Imports create institutions: coordinators, secretariats and representative officers. */
export function mayImportInstitutions(actor: Actor | null): boolean {
  return mayProposeAgreements(actor);
}
