/** The registry parties the events forms offer: institutions of every type, and consortia. */
import { listAllConsortia, listAllInstitutions } from '../registry/index.ts';
import type { Party } from './api.ts';

const named = (p: { name: string; names?: Record<string, string | undefined> | null }) => ({
  ...(p.names ?? {}),
  en: p.names?.en ?? p.name,
});

export type Parties = {
  parties: Party[];
  /** Institutions with their country, for the host candidates of a series. */
  institutions: (Party & { country: string })[];
};

export async function loadParties(signal?: AbortSignal): Promise<Parties> {
  const [institutions, consortia] = await Promise.all([
    listAllInstitutions({}, signal),
    listAllConsortia(signal),
  ]);
  const insts = institutions.map((p) => ({
    type: 'institution' as const,
    id: p.id,
    name: named(p),
    country: p.country,
  }));
  return {
    parties: [
      ...insts.map(({ type, id, name }) => ({ type, id, name })),
      ...consortia.map((p) => ({ type: 'consortium' as const, id: p.id, name: named(p) })),
    ],
    institutions: insts,
  };
}
