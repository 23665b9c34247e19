/**
 * Invitations to an event, addressed to a group the organisers already work with: a consortium's
 * coordinators (the consortium belongs to the event), the students of a call (its applicants, or
 * only those nominated), or an alumni cohort of an association (program × direction × host ×
 * year, each optional). Each person is invited once per event, and never someone already
 * registered; an organiser sees how many were reached, not who.
 */
import { z } from 'zod';

export const INVITATION_AUDIENCE_KINDS = [
  'consortium_coordinators',
  'call_students',
  'alumni_cohort',
] as const;
export type InvitationAudienceKind = (typeof INVITATION_AUDIENCE_KINDS)[number];

/** Which of a call's students: everyone who applied, or only those nominated. */
export const CALL_STUDENT_SCOPES = ['applicants', 'nominated'] as const;

export const alumniCohortSchema = z.object({
  programId: z.string().min(1).max(200).nullable().optional(),
  direction: z.enum(['outgoing', 'incoming']).nullable().optional(),
  hostId: z.string().min(1).max(200).nullable().optional(),
  year: z.number().int().min(1900).max(2200).nullable().optional(),
});
export type AlumniCohort = z.infer<typeof alumniCohortSchema>;

export const invitationAudienceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('consortium_coordinators'),
    consortiumId: z.string().min(1).max(200),
  }),
  z.object({
    kind: z.literal('call_students'),
    callId: z.string().min(1).max(200),
    scope: z.enum(CALL_STUDENT_SCOPES).default('applicants'),
  }),
  z.object({
    kind: z.literal('alumni_cohort'),
    associationId: z.string().min(1).max(200),
    cohort: alumniCohortSchema.default({}),
  }),
]);
export type InvitationAudience = z.infer<typeof invitationAudienceSchema>;

/** Whether an alumni record belongs to the cohort (an unset criterion takes everyone). */
export function inCohort(
  record: { programId: string | null; direction: string; hostId: string; year: number },
  cohort: AlumniCohort,
): boolean {
  return (
    (cohort.programId == null || record.programId === cohort.programId) &&
    (cohort.direction == null || record.direction === cohort.direction) &&
    (cohort.hostId == null || record.hostId === cohort.hostId) &&
    (cohort.year == null || record.year === cohort.year)
  );
}

export interface InvitationSplit {
  /** People to invite now. */
  invite: string[];
  /** Already registered (in any active status): not invited. */
  registered: number;
  /** Invited before, by this or another invitation: not invited again. */
  alreadyInvited: number;
}

/**
 * Who of the audience is invited now: each person once, not the sender, not those registered
 * (cancelled or refused registrations count as not registered), not those invited before.
 */
export function splitInvitees(
  audience: readonly string[],
  state: {
    sender: string | null;
    registrations: readonly { userId: string; status: string }[];
    invited: readonly string[];
  },
): InvitationSplit {
  const active = new Set(
    state.registrations
      .filter((r) => r.status !== 'cancelled' && r.status !== 'refused')
      .map((r) => r.userId),
  );
  const invited = new Set(state.invited);
  const out: InvitationSplit = { invite: [], registered: 0, alreadyInvited: 0 };
  for (const id of new Set(audience)) {
    if (id === state.sender) continue;
    if (active.has(id)) out.registered++;
    else if (invited.has(id)) out.alreadyInvited++;
    else out.invite.push(id);
  }
  return out;
}
