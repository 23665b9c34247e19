/**
 * A direct nomination: the home coordinator nominates one of their students for a bilateral
 * place, as offices do for most bilateral agreements, without an allocation run. Pure: today, the
 * stay, the student's record and the program's rules are passed in. The agreement itself (R2) is
 * chosen by src/domain/agreement/dispatch.ts; this checks the rest:
 * - the stay starts today or later, and does not overlap another stay of the student;
 * - R9 (003 §2(2)): a student on a Table 1 student residence status in Japan is refused; a
 *   student not dispatched from the program's country is nominated without support (`funded`);
 * - enrolment: the status is `enrolled`, and lasts until the stay ends;
 * - R3 (003 §5(3)): the student's level is one the program targets;
 * - R12 (003 §3(2)2)): the stay is within the program's range (3–12 months by default).
 * Without a program (a bilateral agreement of the two universities), R9, R3 and R12 do not apply.
 */
import { z } from 'zod';
import { makeReason } from '../eligibility/check-eligibility.ts';
import type { ReasonParams } from '../eligibility/types.ts';
import { refusal, type Refusal } from '../shared/refusal.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** What the nominating coordinator gives: the student (their account), the host, the stay. */
export const NominationInputSchema = z
  .object({
    studentUserId: z.uuid(),
    hostId: z.string().min(1).max(253),
    startDate: isoDate,
    /** months of the stay; a fraction counts as 30-day parts */
    months: z.number().positive().max(24),
    /** the agreement the place belongs to; the registry chooses one when absent (R2) */
    agreementId: z.uuid().nullable().optional(),
  })
  .strict();

/** R12, 003 §3(2)2): the supported stay when the program's rules name none. */
export const DEFAULT_STAY_MONTHS = { min: 3, max: 12 } as const;

export const NOMINATION_CODES = {
  startInPast: 'mobility.start_in_past',
  overlaps: 'mobility.stay_overlaps',
} as const;

export interface NominationStudent {
  level: string;
  enrolmentStatus: string;
  enrolmentUntil: string | null;
  residenceStatus: string | null;
  /** the country of the home university */
  homeCountry: string;
}

export interface NominationProgram {
  levels: readonly string[];
  stayMonths: { min: number; max: number } | null;
  eligibility: { dispatchedFromCountry: string; excludedResidenceStatuses: readonly string[] };
}

export interface NominationInput {
  today: string;
  /** first and last day of the stay (inclusive) */
  start: string;
  end: string;
  months: number;
  student: NominationStudent;
  /** the program of the agreement, its rules in force when the stay starts; null = none applies */
  program: NominationProgram | null;
  /** the student's other stays still under way or to come (first and last day) */
  otherStays: readonly { start: string; end: string }[];
}

export interface NominationVerdict {
  refusals: Refusal[];
  /** R9: is the student entitled to the program's support? (true without a program) */
  funded: boolean;
}

const reason = (code: Parameters<typeof makeReason>[0], params: ReasonParams): Refusal => {
  const { message: _message, ...r } = makeReason(code, params);
  return r as Refusal;
};

export function checkDirectNomination(input: NominationInput): NominationVerdict {
  const refusals: Refusal[] = [];
  const { student, program } = input;
  if (input.start < input.today) {
    refusals.push(
      refusal(
        NOMINATION_CODES.startInPast,
        { startDate: input.start, today: input.today },
        { field: 'body.startDate' },
      ),
    );
  }
  const overlapping = input.otherStays.find((s) => s.start <= input.end && input.start <= s.end);
  if (overlapping) {
    refusals.push(
      refusal(
        NOMINATION_CODES.overlaps,
        { start: overlapping.start, end: overlapping.end },
        { field: 'body.startDate' },
      ),
    );
  }
  if (student.enrolmentStatus !== 'enrolled') {
    refusals.push(
      reason('enrolment_status_not_allowed', {
        status: student.enrolmentStatus,
        allowed: ['enrolled'],
      }),
    );
  } else if (student.enrolmentUntil !== null && student.enrolmentUntil < input.end) {
    refusals.push(
      reason('enrolment_ends_before_return', {
        until: student.enrolmentUntil,
        stayEnds: input.end,
      }),
    );
  }
  let funded = true;
  if (program) {
    const rules = program.eligibility;
    if (student.homeCountry !== rules.dispatchedFromCountry) funded = false;
    else if (
      student.residenceStatus !== null &&
      rules.excludedResidenceStatuses.includes(student.residenceStatus)
    ) {
      refusals.push(reason('table1_student_residence_status', { status: student.residenceStatus }));
    }
    if (!program.levels.includes(student.level)) {
      refusals.push(
        reason('level_not_targeted', { level: student.level, targeted: [...program.levels] }),
      );
    }
    const { min, max } = program.stayMonths ?? DEFAULT_STAY_MONTHS;
    if (input.months < min)
      refusals.push(reason('stay_too_short', { months: input.months, min, max }));
    if (input.months > max)
      refusals.push(reason('stay_too_long', { months: input.months, min, max }));
  }
  return { refusals, funded };
}
