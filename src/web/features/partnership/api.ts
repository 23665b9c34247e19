/** The partnership area's API: programmes, boards, cotutelles, laboratories, visits, partnerships. */
import { apiRequest } from '../../api/client.ts';
import type { z } from 'zod';
import type {
  BoardListSchema,
  BoardSchema,
  CotutelleBody,
  CotutelleListSchema,
  CotutelleSchema,
  LabListSchema,
  LabSchema,
  PartnershipListSchema,
  ProgrammeBody,
  ProgrammeListSchema,
  ProgrammeSchema,
  VisitListSchema,
} from '../../../server/routes/partnership.schema.ts';

export { DEGREE_KINDS, DEGREE_LEVELS, PARTNER_ROLES } from '../../../domain/partnership/kinds.ts';

type Infer<T extends z.ZodType> = z.infer<T>;
export type Localized = Partial<Record<'en' | 'ja' | 'ru' | 'fr', string>>;
export type Programme = Infer<typeof ProgrammeSchema>;
export type Board = Infer<typeof BoardSchema>;
export type Cotutelle = Infer<typeof CotutelleSchema>;
export type Lab = Infer<typeof LabSchema>;
export type ProgrammeInput = z.input<typeof ProgrammeBody>;

const enc = encodeURIComponent;

export const listPartnerships = (signal?: AbortSignal) =>
  apiRequest<Infer<typeof PartnershipListSchema>>('/partnerships', { signal });
export const listProgrammes = (signal?: AbortSignal) =>
  apiRequest<Infer<typeof ProgrammeListSchema>>('/degree-programmes', { signal });
export const getProgramme = (id: string, signal?: AbortSignal) =>
  apiRequest<Programme>(`/degree-programmes/${enc(id)}`, { signal });
export const createProgramme = (body: ProgrammeInput, csrfToken: string) =>
  apiRequest<Programme>('/degree-programmes', { method: 'POST', body, csrfToken });
export const listBoards = (signal?: AbortSignal) =>
  apiRequest<Infer<typeof BoardListSchema>>('/education-boards', { signal });
export const getBoard = (id: string, signal?: AbortSignal) =>
  apiRequest<Board>(`/education-boards/${enc(id)}`, { signal });
export const listCotutelles = (signal?: AbortSignal) =>
  apiRequest<Infer<typeof CotutelleListSchema>>('/cotutelles', { signal });
export const getCotutelle = (id: string, signal?: AbortSignal) =>
  apiRequest<Cotutelle>(`/cotutelles/${enc(id)}`, { signal });
export const listLabs = (signal?: AbortSignal) =>
  apiRequest<Infer<typeof LabListSchema>>('/joint-labs', { signal });
export const getLab = (id: string, signal?: AbortSignal) =>
  apiRequest<Lab>(`/joint-labs/${enc(id)}`, { signal });
export const listVisits = (signal?: AbortSignal) =>
  apiRequest<Infer<typeof VisitListSchema>>('/visits', { signal });

export { COTUTELLE_STATUSES } from '../../../domain/partnership/kinds.ts';
export type CotutelleInput = z.input<typeof CotutelleBody>;
export const createCotutelle = (body: CotutelleInput, csrfToken: string) =>
  apiRequest<Cotutelle>('/cotutelles', { method: 'POST', body, csrfToken });
