import { z } from 'zod';
import { INSTITUTION_TYPES, ORG_UNIT_KINDS } from '#src/domain/registry/institution.ts';
import { PROPOSAL_SIDES, PROPOSAL_STATUSES } from '#src/domain/registry/membership.ts';
import { localizedTextSchema, messageParamsSchema } from '#src/domain/shared/refusal.ts';
import { AgreementSummary } from './agreements.schema.ts';
import {
  IsoDate,
  KeysetQuery,
  NamesSchema,
  NextCursor,
  PageQuery,
  pageOf,
} from './common.schema.ts';

export { INSTITUTION_TYPES, ORG_UNIT_KINDS };
export const CONSORTIUM_KINDS = ['consortium', 'association', 'alliance'] as const;

/** A proposed membership, shown to the people of its two sides only. */
export const MembershipProposal = z.object({
  id: z.string().uuid(),
  consortiumId: z.string(),
  consortiumName: localizedTextSchema,
  institutionId: z.string(),
  institutionName: localizedTextSchema,
  joinedOn: z.string(),
  proposedBy: z
    .enum(PROPOSAL_SIDES)
    .describe('the side that proposed; the other side (or an administrator) accepts'),
  status: z.enum(PROPOSAL_STATUSES),
  may: z.object({ accept: z.boolean(), decline: z.boolean(), withdraw: z.boolean() }),
});

const GroupingRef = z.object({ id: z.string(), name: z.string(), names: NamesSchema });

export const Institution = z.object({
  id: z.string().describe('SCHAC code: the internet domain, as in Erasmus Without Paper'),
  name: z.string(),
  names: NamesSchema,
  type: z.enum(INSTITUTION_TYPES),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  city: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  website: z.string().nullable(),
  invented: z.boolean(),
  districts: z.array(GroupingRef),
});

export const InstitutionDetail = Institution.extend({
  identifiers: z
    .object({
      ror: z.string().nullable().describe('ROR id, bare (02956yf07)'),
      erasmusCode: z.string().nullable().describe('Erasmus code in its official form'),
      pic: z.string().nullable().describe('Participant Identification Code (9 digits)'),
    })
    .describe('persistent identifiers beside the SCHAC code'),
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
      kind: z.enum(CONSORTIUM_KINDS),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
    }),
  ),
  may: z.object({
    edit: z.boolean().describe('edit the institution (policy registry:write)'),
    addUnit: z.boolean().describe('add faculties, graduate schools and courses'),
    join: z
      .boolean()
      .describe('speak for the institution in its memberships (policy institution:join)'),
  }),
  proposals: z.array(MembershipProposal).describe('open membership proposals you may answer'),
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
  ...KeysetQuery,
});

export const InstitutionPage = z.object({
  items: z.array(Institution),
  total: z.number().int().describe('How many institutions match, on every page'),
  nextCursor: NextCursor,
});

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
  kind: z.enum(CONSORTIUM_KINDS),
  side: z.string().nullable(),
  representativeId: z.string().nullable(),
  representativeName: localizedTextSchema
    .nullable()
    .describe('the representative university’s name in every language it has'),
  invented: z.boolean(),
  memberCount: z.number().int(),
});

export const ConsortiumPage = pageOf(ConsortiumSummary);

export const ConsortiumDetail = z.object({
  id: z.string(),
  name: z.string(),
  names: NamesSchema,
  kind: z.enum(CONSORTIUM_KINDS),
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
        type: z.enum(INSTITUTION_TYPES),
        invented: z.boolean(),
      }),
    }),
  ),
  may: z.object({
    editMembers: z
      .boolean()
      .describe('propose and end memberships for the consortium (policy consortium:write)'),
    propose: z.boolean().describe('propose a membership (the consortium’s side, or a coordinator)'),
  }),
  proposals: z.array(MembershipProposal).describe('open membership proposals you may answer'),
});

export const IdParams = z.object({ id: z.string().min(1).max(253) });
export const ConsortiumDetailQuery = z.object({ at: IsoDate.optional(), on: IsoDate.optional() });

// Writes: the shape is checked here; the registry's own rules (SCHAC codes, country codes) by the
// service, which names the field and gives the refusal code.

const NamesInput = z
  .object({ en: z.string(), ja: z.string(), ru: z.string(), fr: z.string() })
  .partial();
const Coordinate = z.union([z.number(), z.string()]).nullable();

export const InstitutionBody = z.object({
  id: z.string().describe('SCHAC code: the internet domain, e.g. tohoku.ac.jp'),
  name: z.string(),
  names: NamesInput.optional(),
  type: z.string().describe(`one of ${INSTITUTION_TYPES.join(', ')}`),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  city: z.string(),
  latitude: Coordinate.optional(),
  longitude: Coordinate.optional(),
  website: z.string().nullable().optional(),
  ror: z.string().nullable().optional().describe('ROR id, bare or as https://ror.org/… link'),
  erasmusCode: z.string().nullable().optional().describe('Erasmus code, e.g. F  GRENOBL55'),
  pic: z.string().nullable().optional().describe('PIC: nine digits'),
});
export const InstitutionPatchBody = InstitutionBody.omit({ id: true }).partial();

export const OrgUnitBody = z.object({
  kind: z.string().describe(`one of ${ORG_UNIT_KINDS.join(', ')}`),
  name: z.string(),
  names: NamesInput.optional(),
  parentId: z.string().nullable().optional(),
});

export const OrgUnit = z.object({
  id: z.string(),
  institutionId: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(ORG_UNIT_KINDS),
  name: z.string(),
  names: NamesSchema,
});
export const OrgUnitList = z.object({ items: z.array(OrgUnit) });

export const MemberJoinBody = z.object({ institutionId: z.string().min(1), joinedOn: IsoDate });
export const MemberLeaveBody = z.object({ leftOn: IsoDate });
export const MemberParams = z.object({ id: z.string(), institutionId: z.string() });
export const ProposalParams = z.object({ id: z.string(), proposalId: z.string() });

export const ImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });

/** One bad row of an import: its line (1 = the header), column, and a code with params. */
export const ImportRowError = z.object({
  line: z.number().int(),
  field: z.string(),
  code: z.string().describe('registry.* or a zod issue code, for the reader’s app to translate'),
  params: messageParamsSchema,
  message: z.string().describe('in English, for logs and API clients'),
});

export const ImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ImportRowError),
});

export const ExportParams = z.object({ format: z.enum(['csv', 'xlsx']) });
export const MembersExportParams = z.object({ id: z.string(), format: z.enum(['csv', 'xlsx']) });

/** An institution's agreements: its own, and those of the consortia it is a member of today. */
export const InstitutionAgreementList = z.object({
  items: z.array(
    AgreementSummary.extend({
      through: z
        .object({ id: z.string(), name: z.string(), names: NamesSchema })
        .nullable()
        .describe('the consortium that makes the institution a party; null when it is one itself'),
    }),
  ),
});
