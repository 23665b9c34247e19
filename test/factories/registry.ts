import type { Db } from '#src/db/client.ts';
import { consortia, consortiumMembers, institutions, type Names } from '#src/db/schema.ts';
import { next } from './sequence.ts';

export interface InstitutionInput {
  id?: string;
  name?: string;
  names?: Names;
  type?: 'university' | 'academy_branch' | 'company' | 'ministry';
  country?: string;
  city?: string;
  latitude?: number | null;
  longitude?: number | null;
  website?: string | null;
}

export interface FactoryInstitution {
  id: string;
  name: string;
  country: string;
}

/** A university (by default in Japan, at Sendai's coordinates) with a unique SCHAC-like id. */
export async function anInstitution(
  db: Db,
  input: InstitutionInput = {},
): Promise<FactoryInstitution> {
  const n = next();
  const country = input.country ?? 'JP';
  const id = input.id ?? `univ-${n}.${country.toLowerCase()}.factory.test`;
  const name = input.name ?? `Test University ${n}`;
  await db.insert(institutions).values({
    id,
    name,
    names: input.names ?? { en: name },
    type: input.type ?? 'university',
    country,
    city: input.city ?? `City ${n}`,
    latitude: input.latitude === undefined ? 38.25 : input.latitude,
    longitude: input.longitude === undefined ? 140.87 : input.longitude,
    website: input.website === undefined ? null : input.website,
  });
  return { id, name, country };
}

export interface ConsortiumInput {
  id?: string;
  name?: string;
  names?: Names;
  kind?: 'consortium' | 'association' | 'alliance';
  /** the country side (JP, RU…); members are created in it when not given */
  side?: string | null;
  /** member institutions (ids or factory institutions); three new ones when not given */
  members?: readonly (string | { id: string })[];
  /** the representative university (R8); the first member when not given */
  representativeId?: string | null;
  joinedOn?: string;
  foundedOn?: string | null;
}

export interface FactoryConsortium {
  id: string;
  name: string;
  side: string | null;
  memberIds: string[];
  representativeId: string | null;
}

/**
 * A consortium with its members in force from `joinedOn` (default 2010-01-01). Without `members`
 * it creates three universities on its side (the R1 minimum of the pilot program, 003 §2(1)).
 */
export async function aConsortium(db: Db, input: ConsortiumInput = {}): Promise<FactoryConsortium> {
  const n = next();
  const side = input.side === undefined ? 'JP' : input.side;
  const memberIds: string[] = [];
  if (input.members) {
    for (const m of input.members) memberIds.push(typeof m === 'string' ? m : m.id);
  } else {
    for (let i = 0; i < 3; i++) {
      memberIds.push((await anInstitution(db, { country: side ?? 'JP' })).id);
    }
  }
  const id = input.id ?? `consortium-${n}`;
  const name = input.name ?? `Test consortium ${n}`;
  const representativeId =
    input.representativeId === undefined ? (memberIds[0] ?? null) : input.representativeId;
  await db.insert(consortia).values({
    id,
    name,
    names: input.names ?? { en: name },
    kind: input.kind ?? 'consortium',
    side,
    representativeId,
    foundedOn: input.foundedOn === undefined ? '2010-01-01' : input.foundedOn,
  });
  if (memberIds.length > 0) {
    await db.insert(consortiumMembers).values(
      memberIds.map((institutionId) => ({
        consortiumId: id,
        institutionId,
        joinedOn: input.joinedOn ?? '2010-01-01',
      })),
    );
  }
  return { id, name, side, memberIds, representativeId };
}
