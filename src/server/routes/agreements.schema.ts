import { z } from 'zod';
import { IsoDate, NamesSchema } from './common.schema.ts';

export const PartyRefSchema = z.object({
  type: z.enum(['institution', 'consortium']),
  id: z.string().min(1).max(253),
});

const Party = z.object({
  type: z.string(),
  id: z.string(),
  name: z.string(),
  names: NamesSchema,
  country: z.string().nullable(),
  representativeId: z.string().nullable(),
});

const Signature = z.object({ party: z.string(), signatory: z.string(), signedOn: z.string() });

export const AgreementSummary = z.object({
  id: z.string(),
  status: z.string(),
  partyA: Party,
  partyB: Party,
  programId: z.string().nullable(),
  invented: z.boolean(),
  currentVersion: z.number().int(),
  versionInForce: z.number().int().nullable(),
  content: z.record(z.string(), z.unknown()),
  canManage: z.array(z.string()),
});

export const AgreementDetail = AgreementSummary.extend({
  history: z.array(
    z.object({
      version: z.number().int(),
      kind: z.string(),
      changeNote: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
      changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
      signatures: z.array(Signature),
    }),
  ),
});

export const CreateAgreementBody = z.object({
  partyA: PartyRefSchema,
  partyB: PartyRefSchema,
  programId: z.string().nullable().optional(),
  content: z
    .record(z.string(), z.unknown())
    .describe('title, validFrom, validTo, clauses, directions — see AgreementContent'),
});

export const UpdateAgreementBody = z.object({
  content: z.record(z.string(), z.unknown()),
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
  us: z.object({ id: z.string(), name: z.string() }),
  them: z.object({ id: z.string(), name: z.string() }),
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
