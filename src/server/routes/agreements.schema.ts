import { z } from 'zod';
import { CEFR, ClausesSchema, DirectionSchema, STATUSES } from '#src/domain/agreement/agreement.ts';
import { localizedTextSchema, refusalSchema } from '#src/domain/shared/refusal.ts';
import { IsoDate, NamesSchema } from './common.schema.ts';

export const PartyRefSchema = z.object({
  type: z.enum(['institution', 'consortium']),
  id: z.string().min(1).max(253),
});

/**
 * The content as a request carries it: the shape is checked here, the agreement rules (ISCED-F
 * fields, dates in order, one entry per direction) by the service, which names the field.
 */
const AgreementContentInput = z
  .object({
    title: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    clauses: z
      .object({
        tuitionWaiver: z.boolean(),
        commonScreening: z.boolean(),
        commonRecognition: z.boolean(),
        other: z.string(),
      })
      .partial()
      .optional(),
    directions: z
      .array(
        z.object({
          from: z.string(),
          levels: z.array(z.string()),
          fields: z.array(z.string()).optional(),
          languages: z.array(z.object({ language: z.string(), cefr: z.string() })).optional(),
          quotas: z
            .array(z.object({ academicYear: z.number(), students: z.number(), months: z.number() }))
            .optional(),
        }),
      )
      .optional(),
    balanceTolerance: z.object({ students: z.number(), months: z.number() }).optional(),
  })
  .describe('title, validFrom, validTo, clauses, directions — see AgreementContentSchema');

export const PartyKeySchema = z.enum(['A', 'B']);

export const Party = z.object({
  type: z.enum(['institution', 'consortium']),
  id: z.string(),
  name: z.string(),
  names: NamesSchema,
  displayName: localizedTextSchema.describe('the party’s name in every language it has'),
  country: z
    .string()
    .nullable()
    .describe('ISO 3166-1 alpha-2: the institution’s country, or the consortium’s side'),
  representativeId: z.string().nullable(),
});

export const Signature = z.object({
  party: PartyKeySchema,
  signatory: z.string(),
  signedOn: z.string(),
});

/** The agreement's content as stored and sent (the domain schema's output). */
export const AgreementContentView = z.object({
  title: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  clauses: ClausesSchema.extend({
    tuitionWaiver: z.boolean(),
    commonScreening: z.boolean(),
    commonRecognition: z.boolean(),
  }),
  directions: z.array(
    DirectionSchema.extend({
      fields: z.array(z.string()),
      languages: z.array(z.object({ language: z.string(), cefr: z.enum(CEFR) })),
      quotas: z.array(
        z.object({ academicYear: z.number().int(), students: z.number(), months: z.number() }),
      ),
    }),
  ),
  balanceTolerance: z.object({ students: z.number(), months: z.number() }).optional(),
});

/** A value before or after a change: a field's value, or one direction's list. */
const ChangeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const AgreementChange = z.object({
  path: z
    .string()
    .describe('the changed field: title, validTo, clauses.tuitionWaiver, directions.A.quotas…'),
  before: ChangeValue.optional(),
  after: ChangeValue.optional(),
});

export const AgreementMay = z.object({
  edit: z.boolean().describe('change the draft, or propose an amendment once signed'),
  signA: z.boolean(),
  signB: z.boolean(),
});

export const AgreementSummary = z.object({
  id: z.string(),
  status: z.enum(STATUSES),
  partyA: Party,
  partyB: Party,
  programId: z.string().nullable(),
  programName: localizedTextSchema.nullable(),
  invented: z.boolean(),
  currentVersion: z.number().int(),
  versionInForce: z.number().int().nullable(),
  content: AgreementContentView,
  canManage: z.array(PartyKeySchema).describe('the parties the reader may act for'),
  may: AgreementMay,
  whyNot: z
    .object({ edit: refusalSchema, signA: refusalSchema, signB: refusalSchema })
    .partial()
    .describe('why an action of a party the reader acts for is refused now'),
});

export const AgreementDetail = AgreementSummary.extend({
  history: z.array(
    z.object({
      version: z.number().int(),
      kind: z.enum(['draft', 'amendment']),
      changeNote: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdByName: localizedTextSchema.nullable().describe('who made this version'),
      createdAt: z.string(),
      changes: z.array(AgreementChange),
      signatures: z.array(Signature),
    }),
  ),
});

export const CreateAgreementBody = z.object({
  partyA: PartyRefSchema,
  partyB: PartyRefSchema,
  programId: z.string().nullable().optional(),
  content: AgreementContentInput,
});

export const UpdateAgreementBody = z.object({
  content: AgreementContentInput,
  changeNote: z.string().max(1000).optional(),
});

export const SignBody = z.object({
  party: z.enum(['A', 'B']),
  signatory: z.string().trim().min(1).max(200),
  signedOn: IsoDate,
});

const Flow = z.object({
  sentStudents: z.number(),
  receivedStudents: z.number(),
  sentMonths: z.number(),
  receivedMonths: z.number(),
});

export const LedgerSchema = z.object({
  us: z.object({ id: z.string(), name: z.string(), displayName: localizedTextSchema }),
  them: z.object({ id: z.string(), name: z.string(), displayName: localizedTextSchema }),
  years: z.array(z.object({ academicYear: z.number().int(), planned: Flow, realised: Flow })),
  total: z.object({ planned: Flow, realised: Flow }),
  tolerance: z.object({ students: z.number(), months: z.number() }),
  warnings: z.array(
    z.object({
      rule: z.literal('R4'),
      academicYear: z.union([z.number(), z.literal('total')]),
      state: z.enum(['planned', 'realised']),
      unit: z.enum(['students', 'months']),
      difference: z.number(),
      tolerance: z.number(),
      ahead: z.enum(['sent', 'received']),
    }),
  ),
  calendar: z.object({ country: z.string().nullable(), startMonth: z.number().int() }),
});
