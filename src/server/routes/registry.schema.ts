import { z } from 'zod';
import { IsoDate, NamesSchema, PageQuery, pageOf } from './common.schema.ts';

export const INSTITUTION_TYPES = [
  'university',
  'academy_branch',
  'company',
  'ministry',
  'local_authority',
  'association',
  'other',
] as const;
export const CONSORTIUM_KINDS = ['consortium', 'association', 'alliance'] as const;

const GroupingRef = z.object({ id: z.string(), name: z.string(), names: NamesSchema });

export const Institution = z.object({
  id: z.string().describe('SCHAC code: the internet domain, as in Erasmus Without Paper'),
  name: z.string(),
  names: NamesSchema,
  type: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  city: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  website: z.string().nullable(),
  invented: z.boolean(),
  districts: z.array(GroupingRef),
});

export const InstitutionDetail = Institution.extend({
  nearestAirport: z
    .string()
    .nullable()
    .describe('R13: IATA code of the nearest international airport (OurAirports data)'),
  airport: z
    .object({
      iata: z.string().nullable(),
      name: z.string(),
      municipality: z.string().nullable(),
      country: z.string(),
      distanceKm: z.number(),
    })
    .nullable()
    .describe(
      'R13: the nearest international airport (OurAirports data; see src/services/travel/airports.ts)',
    ),
  consortia: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      names: NamesSchema,
      kind: z.string(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
    }),
  ),
});

export const InstitutionQuery = z.object({
  q: z.string().trim().max(200).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code')
    .optional(),
  type: z.enum(INSTITUTION_TYPES).optional(),
  district: z.string().max(100).optional(),
  includePlaceholders: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('also list invented placeholder members (demo data)'),
  ...PageQuery,
});

export const InstitutionPage = pageOf(Institution);

export const GroupingList = z.object({
  items: z.array(
    GroupingRef.extend({
      kind: z.string(),
      description: z.string().nullable(),
      memberIds: z.array(z.string()),
    }),
  ),
});

export const ConsortiumQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(CONSORTIUM_KINDS).optional(),
  at: IsoDate.optional().describe('count members on this date (default: today)'),
  on: IsoDate.optional().describe('alias of at'),
  ...PageQuery,
});

export const ConsortiumSummary = z.object({
  id: z.string(),
  name: z.string(),
  names: NamesSchema,
  kind: z.string(),
  side: z.string().nullable(),
  representativeId: z.string().nullable(),
  invented: z.boolean(),
  memberCount: z.number().int(),
});

export const ConsortiumPage = pageOf(ConsortiumSummary);

export const ConsortiumDetail = z.object({
  id: z.string(),
  name: z.string(),
  names: NamesSchema,
  kind: z.string(),
  side: z.string().nullable(),
  foundedOn: z.string().nullable(),
  description: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  at: z.string(),
  memberCountBySide: z.record(z.string(), z.number().int()),
  liaisonOffices: z.array(
    z.object({
      id: z.string(),
      institutionId: z.string(),
      name: z.string(),
      names: NamesSchema,
      city: z.string(),
      country: z.string(),
      department: z.string().nullable(),
      person: z.string().nullable(),
      contact: z.string().nullable(),
      openedOn: z.string().nullable(),
    }),
  ),
  invented: z.boolean(),
  representative: z.object({ id: z.string(), name: z.string(), names: NamesSchema }).nullable(),
  memberCount: z.number().int(),
  members: z.array(
    z.object({
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      institution: z.object({
        id: z.string(),
        name: z.string(),
        names: NamesSchema,
        country: z.string(),
        city: z.string(),
        type: z.string(),
        invented: z.boolean(),
      }),
    }),
  ),
});

export const IdParams = z.object({ id: z.string().min(1).max(253) });
export const ConsortiumDetailQuery = z.object({ at: IsoDate.optional(), on: IsoDate.optional() });
