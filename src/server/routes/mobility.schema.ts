/**
 * The API contract of the mobility area: mobilities and their transitions, learning agreements,
 * transcripts and recognition, course catalogues, the Course Jukebox, conversions. Request bodies
 * reuse the zod schemas of src/domain/mobility and src/domain/recognition.
 */
import { z } from 'zod';
import { TransitionRequestSchema } from '#src/domain/mobility/schemas.ts';
import { MOBILITY_STATES } from '#src/domain/mobility/mobility-workflow.ts';
import { CREDIT_SYSTEM_IDS } from '#src/domain/recognition/credit-systems.ts';
import {
  LaChangeSchema,
  LaComponentSchema,
  LaPartySchema,
  LocalisedTextSchema,
  ProposeChangesRequestSchema,
  RecognitionDecisionRequestSchema,
  TranscriptEntrySchema,
} from '#src/domain/recognition/schemas.ts';
import { IsoDate } from './common.schema.ts';

export const MobilityIdParams = z.object({ id: z.uuid() });
export const EnrolmentIdParams = z.object({ id: z.uuid() });
export const InstitutionIdParams = z.object({ id: z.string().min(1).max(200) });
export const AllianceParams = z.object({ id: z.string().min(1).max(200) });
export const JukeboxCourseParams = z.object({
  id: z.string().min(1).max(200),
  courseId: z.uuid(),
});

export const MobilityListQuery = z.object({
  status: z.enum(MOBILITY_STATES).optional(),
  institution: z.string().min(1).max(200).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const TransitionBody = TransitionRequestSchema;

export const CreateLaBody = z.object({
  components: z.array(LaComponentSchema).min(1).max(40),
  party: LaPartySchema.optional(),
});

export const ProposeBody = ProposeChangesRequestSchema.extend({
  changes: z.array(LaChangeSchema).min(1).max(50),
  party: LaPartySchema.optional(),
});

export const ApproveBody = z.object({
  version: z.number().int().positive(),
  party: LaPartySchema.optional(),
  signerName: z.string().trim().min(1).max(200).optional(),
  signerPosition: z.string().trim().max(200).optional(),
});

export const RejectBody = z.object({
  version: z.number().int().positive(),
  comment: z.string().trim().min(1).max(2000),
  party: LaPartySchema.optional(),
});

export const DiffQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

export const TranscriptBody = z.object({
  issuedOn: IsoDate,
  entries: z.array(TranscriptEntrySchema).min(1).max(60),
});

export const DecisionBody = RecognitionDecisionRequestSchema;

export const CourseBody = z.object({
  code: z.string().trim().min(1).max(64),
  title: LocalisedTextSchema,
  level: z.enum(['bachelor', 'master', 'doctor']),
  credits: z.number().positive().max(60),
  term: z.string().trim().min(1).max(32).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a BCP 47 language tag such as "en" or "ja"')
    .optional(),
  online: z.boolean().default(false),
  orgUnitId: z.uuid().optional(),
  jukeboxAllianceId: z.string().min(1).max(200).optional(),
});

export const JukeboxResultBody = z.object({
  status: z.enum(['passed', 'failed', 'in-progress', 'not-taken']),
  grade: z.string().trim().min(1).max(32).nullable(),
  credits: z.number().min(0).max(60).optional(),
});

export const JukeboxDecisionBody = z
  .object({
    outcome: z.enum(['full', 'partial', 'none']),
    credits: z.number().positive().optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    recognisedAs: z
      .object({
        code: z.string().trim().min(1).max(64),
        title: LocalisedTextSchema,
        credits: z.number().positive().max(60),
      })
      .optional(),
    reusedFrom: z.object({ key: z.string().min(1), lastDecidedAt: z.string() }).optional(),
  })
  .refine((d) => d.outcome !== 'partial' || d.credits !== undefined, {
    message: 'partial recognition gives the credits recognised',
    path: ['credits'],
  })
  .refine((d) => d.outcome === 'full' || d.reason !== undefined, {
    message: 'say why the course is not fully recognised',
    path: ['reason'],
  });

export const CreditConversionQuery = z.object({
  value: z.coerce.number().min(0).max(1000),
  from: z.enum(CREDIT_SYSTEM_IDS),
  to: z.enum(CREDIT_SYSTEM_IDS),
});

export const GradeConversionQuery = z.object({
  grade: z.string().trim().min(1).max(32),
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
});

export const AgreementIdParams = z.object({ id: z.uuid() });
