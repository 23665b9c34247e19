/**
 * Zod schemas for the inputs of the recognition modules, for the HTTP, CLI and import edges
 * (EWP LA / ToR parsing too). The domain trusts its types; `satisfies` keeps both in step.
 */
import { z } from 'zod';
import { CREDIT_SYSTEM_IDS } from './credit-systems.ts';
import type { Credits } from './credit-systems.ts';
import { CHANGE_REASONS, LA_PARTIES } from './learning-agreement.ts';
import type { LaChange, LaComponent } from './learning-agreement.ts';
import type { GradeDistribution } from './grade-conversion.ts';
import type { TranscriptEntry } from './recognition.ts';
import { requiredLocalizedTextSchema } from '../shared/refusal.ts';

export const CreditsSchema = z.object({
  value: z.number().positive().max(120),
  system: z.enum(CREDIT_SYSTEM_IDS),
}) satisfies z.ZodType<Credits>;

const CourseRefSchema = z.object({
  code: z.string().trim().min(1).max(64),
  title: requiredLocalizedTextSchema,
  credits: CreditsSchema,
});

export const LaComponentSchema = z.object({
  id: z.string().trim().min(1).max(64),
  host: CourseRefSchema.extend({
    term: z.string().max(32).optional(),
    online: z.boolean().optional(),
  }),
  home: z.object({
    code: z.string().trim().min(1).max(64).nullable(),
    title: requiredLocalizedTextSchema,
    credits: CreditsSchema,
  }),
  conditions: z.string().max(2000).optional(),
}) satisfies z.ZodType<LaComponent>;

const reason = {
  reason: z.enum(CHANGE_REASONS),
  reasonText: z.string().trim().min(1).max(2000).optional(),
};
export const LaChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('insert'), component: LaComponentSchema, ...reason }),
  z.object({ kind: z.literal('update'), component: LaComponentSchema, ...reason }),
  z.object({ kind: z.literal('delete'), componentId: z.string().min(1), ...reason }),
]) satisfies z.ZodType<LaChange>;

export const LaPartySchema = z.enum(LA_PARTIES);

/** Body of "propose changes": the version the proposer saw, and the changes. */
export const ProposeChangesRequestSchema = z.object({
  baseVersion: z.number().int().positive(),
  changes: z.array(LaChangeSchema).min(1).max(50),
});

/** Body of "sign" (approve) — the version being signed is part of the request (stale check). */
export const SignRequestSchema = z.object({
  version: z.number().int().positive(),
  signerName: z.string().trim().min(1).max(200),
  signerPosition: z.string().trim().max(200).optional(),
  signerEmail: z.email().optional(),
});

export const RejectRequestSchema = z.object({
  version: z.number().int().positive(),
  comment: z.string().trim().min(1).max(2000),
});

export const GradeDistributionSchema = z.object({
  scaleId: z.string().min(1),
  iscedCode: z
    .string()
    .regex(/^\d{2,4}$/)
    .optional(),
  reference: z.string().max(500).optional(),
  rows: z
    .array(
      z
        .object({
          label: z.string().trim().min(1).max(32),
          percentage: z.number().min(0).max(100).optional(),
          count: z.number().int().min(0).optional(),
        })
        .refine((r) => (r.percentage === undefined) !== (r.count === undefined), {
          message: 'give a percentage or a count',
        }),
    )
    .min(1),
}) satisfies z.ZodType<GradeDistribution>;

export const TranscriptEntrySchema = z.object({
  componentId: z.string().min(1),
  hostCourseCode: z.string().min(1),
  status: z.enum(['passed', 'failed', 'in-progress', 'not-taken']),
  grade: z.string().trim().min(1).max(32).nullable(),
  gradeScaleId: z.string().min(1).nullable(),
  credits: z.object({ value: z.number().min(0).max(120), system: z.enum(CREDIT_SYSTEM_IDS) }),
  distribution: GradeDistributionSchema.optional(),
}) satisfies z.ZodType<TranscriptEntry>;

/** Body of "record a recognition decision" for one component. */
export const RecognitionDecisionRequestSchema = z
  .object({
    componentId: z.string().min(1),
    outcome: z.enum(['full', 'partial', 'none']),
    credits: z.number().positive().optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    homeGradeScaleId: z.string().min(1).optional(),
    reusedFrom: z.object({ key: z.string().min(1), lastDecidedAt: z.string() }).optional(),
    /** R7: credit a home course already credited to the student, saying why. */
    allowRepeat: z.object({ reason: z.string().trim().min(1).max(2000) }).optional(),
  })
  .refine((d) => d.outcome !== 'partial' || d.credits !== undefined, {
    message: 'partial recognition gives the credits recognised',
    path: ['credits'],
  })
  .refine((d) => d.outcome === 'full' || d.reason !== undefined, {
    message: 'say why the component is not fully recognised',
    path: ['reason'],
  });
export type RecognitionDecisionRequest = z.infer<typeof RecognitionDecisionRequestSchema>;
