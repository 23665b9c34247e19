/**
 * Zod schemas for the inputs of the mobility workflow, for the HTTP and CLI edges. The domain
 * itself trusts its types; these only give the routes one definition to validate against.
 */
import { z } from 'zod';
import { MOBILITY_ACTIONS, MOBILITY_ROLES } from './mobility-workflow.ts';
import type { MobilityAction, MobilityActor, TransitionInput } from './mobility-workflow.ts';

export const IsoDateSchema = z.iso.date();
export const IsoTimestampSchema = z.iso.datetime({ offset: true });

export const MobilityActionSchema = z.enum(MOBILITY_ACTIONS) satisfies z.ZodType<MobilityAction>;

export const MobilityActorSchema = z
  .object({
    role: z.enum(MOBILITY_ROLES),
    side: z.enum(['home', 'host']).nullable(),
    id: z.string().min(1).optional(),
  })
  .refine((a) => (a.role === 'coordinator') === (a.side !== null), {
    message: 'a coordinator acts for the home or host side; other roles have no side',
    path: ['side'],
  }) satisfies z.ZodType<MobilityActor>;

/** The body of "POST /mobilities/:id/transitions" (timestamp `at` is set by the server). */
export const TransitionRequestSchema = z.object({
  action: MobilityActionSchema,
  reason: z.string().trim().min(1).max(2000).optional(),
  date: IsoDateSchema.optional(),
  learningAgreementVersion: z.number().int().positive().optional(),
  transcriptRef: z.string().trim().min(1).max(200).optional(),
  expectedVersion: z.number().int().positive().optional(),
  /**
   * R12 and the plan: the coordinator records dates that raised warnings anyway, saying why. The
   * reason is kept with the warnings it answers.
   */
  override: z.object({ reason: z.string().trim().min(1).max(2000) }).optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

/** Builds the domain input from a validated request and the server's clock. */
export function toTransitionInput(req: TransitionRequest, at: string): TransitionInput {
  return {
    at,
    reason: req.reason,
    date: req.date,
    learningAgreementVersion: req.learningAgreementVersion,
    transcriptRef: req.transcriptRef,
    expectedVersion: req.expectedVersion,
  };
}
