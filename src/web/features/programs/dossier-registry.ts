/** Item 7 of 003 §6(1) and R2: which agreements of the registry an application may refer to. */
import type { ProjectApplication } from './api.ts';

interface Party {
  id: string;
}
interface RegistryAgreement {
  partyA: Party;
  partyB: Party;
}

/** The consortium and the member institutions of one side of the application. */
function sideIds(app: ProjectApplication, side: 'home' | 'partner'): Set<string> {
  const c = app.outline.consortia[side];
  return new Set([
    ...(c.consortiumId ? [c.consortiumId] : []),
    ...c.members.map((m) => m.institutionId),
  ]);
}

/**
 * The agreements between the two sides: one party is the home consortium or one of its members,
 * the other the partner consortium or one of its members.
 */
export function agreementsBetweenSides<A extends RegistryAgreement>(
  agreements: readonly A[],
  app: ProjectApplication,
): A[] {
  const home = sideIds(app, 'home');
  const partner = sideIds(app, 'partner');
  return agreements.filter((a) => {
    const x = a.partyA.id;
    const y = a.partyB.id;
    return (home.has(x) && partner.has(y)) || (home.has(y) && partner.has(x));
  });
}
