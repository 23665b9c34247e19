/**
 * Inputs and outputs of the eligibility check. Every number and list of allowed values is data of
 * the program or of the call, passed in; nothing here is a constant of the rules.
 *
 * The zod schemas validate untrusted input at the edges (HTTP bodies, DB rows); the types are
 * inferred from them so both stay one source.
 */
import { z } from 'zod';
import type { RuleId } from '../shared/refusal.ts';

/** ISO calendar date `YYYY-MM-DD`. Dates compare as strings. */
export const isoDateSchema = z.iso.date();

/** Study levels. The program's `targetedLevels` (R3, 003 §5(3)) says which of them may apply. */
export const STUDY_LEVELS = ['bachelor', 'master', 'doctor', 'non_degree'] as const;
export const studyLevelSchema = z.enum(STUDY_LEVELS);
export type StudyLevel = z.infer<typeof studyLevelSchema>;

/** Enrolment status at the home university. The program says which statuses may apply. */
export const ENROLMENT_STATUSES = [
  'enrolled',
  'on_leave',
  'suspended',
  'admitted',
  'graduated',
  'withdrawn',
] as const;
export const enrolmentStatusSchema = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof enrolmentStatusSchema>;

/** CEFR levels, lowest first: the order is the comparison (see `cefr.ts`). */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const cefrSchema = z.enum(CEFR_LEVELS);
export type Cefr = z.infer<typeof cefrSchema>;

/**
 * Japanese residence statuses (在留資格) known to the platform, by code. `student` is 留学, listed
 * in Table 1 of the Immigration Control and Refugee Recognition Act; `pre_college_student` is
 * 就学, also Table 1 until it was merged into 留学 in 2010. Other codes are accepted as strings;
 * which ones exclude a student is program data (`EligibilityRules.exchangeStudent`).
 */
export const KNOWN_RESIDENCE_STATUSES = [
  'student',
  'pre_college_student',
  'dependent',
  'permanent_resident',
  'spouse_of_japanese',
  'long_term_resident',
] as const;

export const languageSkillSchema = z.object({
  /** ISO 639-1 code, e.g. `en`, `ja`, `ru`, `fr`. */
  language: z.string().min(2).max(3),
  level: cefrSchema,
});
export type LanguageSkill = z.infer<typeof languageSkillSchema>;

/** One accepted language of instruction and the lowest CEFR level the host asks for. */
export const languageRequirementSchema = z.object({
  language: z.string().min(2).max(3),
  minLevel: cefrSchema,
});
export type LanguageRequirement = z.infer<typeof languageRequirementSchema>;

export const membershipSchema = z.object({
  institutionId: z.string().min(1),
  joinedOn: isoDateSchema,
  /** The day the membership ended: not a member on that day or after. `null` = still a member. */
  leftOn: isoDateSchema.nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const sendingConsortiumSchema = z.object({
  id: z.string().min(1),
  members: z.array(membershipSchema),
});
export type SendingConsortium = z.infer<typeof sendingConsortiumSchema>;

export const callHostSchema = z.object({
  institutionId: z.string().min(1),
  /** The host's consortium: its own members do not apply to it. */
  consortiumId: z.string().min(1).nullable(),
  /** Places offered per level. A level without places here is not offered by this host. */
  places: z.array(z.object({ level: studyLevelSchema, count: z.number().int().nonnegative() })),
  /** Any one of these is enough (the host teaches in each of them); empty = no requirement. */
  languageRequirements: z.array(languageRequirementSchema),
});
export type CallHost = z.infer<typeof callHostSchema>;

export const eligibilityCallSchema = z.object({
  id: z.string().min(1),
  /** First day applications are accepted (R18, 003 §8–9). */
  opens: isoDateSchema,
  /** Last day applications are accepted, inclusive (R18). */
  closes: isoDateSchema,
  /** When students leave; used to check enrolment lasts until the stay ends. */
  departureWindow: z.object({ from: isoDateSchema, to: isoDateSchema }).nullable(),
  /** A call may narrow the program's stay range (R12); `null` = the program's range. */
  stayMonths: z
    .object({ min: z.number().int().positive(), max: z.number().int().positive() })
    .nullable(),
  /** The consortia whose member universities' students may apply (one or both sides). */
  sendingConsortia: z.array(sendingConsortiumSchema).min(1),
  hosts: z.array(callHostSchema).min(1),
  /** Most hosts a student may rank. */
  maxRankedHosts: z.number().int().positive(),
});
export type EligibilityCall = z.infer<typeof eligibilityCallSchema>;

export const eligibilityStudentSchema = z.object({
  id: z.string().min(1),
  home: z.object({
    institutionId: z.string().min(1),
    /** ISO 3166-1 alpha-2 country of the home university, e.g. `JP`. */
    country: z.string().length(2),
  }),
  level: studyLevelSchema,
  enrolment: z.object({
    status: enrolmentStatusSchema,
    /** Expected end of enrolment (graduation); `null` = unknown, not checked. */
    until: isoDateSchema.nullable(),
  }),
  /**
   * Residence status in Japan (a code such as `student` = 留学) for a foreign national enrolled
   * at a Japanese university; `null` for Japanese nationals and students not residing in Japan.
   */
  residenceStatus: z.string().min(1).nullable(),
  languages: z.array(languageSkillSchema),
  /** Length of the stay the student asks for, in months. */
  requestedMonths: z.number().int().positive(),
  /** Hosts in the student's order, best first; empty = not ranked yet (every host is checked). */
  ranking: z.array(z.string().min(1)),
});
export type EligibilityStudent = z.infer<typeof eligibilityStudentSchema>;

/** The program's rules that eligibility reads (program data, edited by the funder officer). */
export const eligibilityRulesSchema = z.object({
  /** R3 (003 §5(3)): bachelor, master, doctor for the MEXT pilot. */
  targetedLevels: z.array(studyLevelSchema).min(1),
  /** R12 (003 §3(2)2)): supported stay, in months (3 to 12 for the MEXT pilot). */
  stayMonths: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }),
  /**
   * R9 (003 §2(2)): the program's definition of an exchange student. Students of a university in
   * one of `dispatchedFromCountries` are dispatched and entitled to support, unless they hold one
   * of `excludedResidenceStatuses` (Table 1 student statuses) — then they are refused. Students
   * of universities elsewhere may take part in a two-way call (they keep the balance, R4) but
   * are not entitled to the support. `null` = the program defines no such support.
   */
  exchangeStudent: z
    .object({
      dispatchedFromCountries: z.array(z.string().length(2)).min(1),
      excludedResidenceStatuses: z.array(z.string().min(1)),
    })
    .nullable(),
  /** Enrolment statuses that may apply (usually only `enrolled`). */
  enrolmentStatuses: z.array(enrolmentStatusSchema).min(1),
});
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;

/** Parameters of a reason as the domain writes them: ids, codes, numbers, ISO dates, lists. */
export type ReasonParams = Record<string, string | number | readonly string[]>;

/**
 * A refusal of eligibility (`src/domain/shared/refusal.ts`): a code `calls.<name>`, the rule it
 * applies when it applies one, its params, and an English `message` for logs.
 */
export interface EligibilityReason {
  rule?: RuleId;
  /** Stable code `calls.<name>`; the reader's app translates it (`refusals.calls.<name>`). */
  code: string;
  params: ReasonParams;
  /** The message in English, parameters filled in, for logs and the command line. */
  message: string;
}

export interface HostEligibility {
  host: string;
  eligible: boolean;
  /** Why this host is closed to the student (empty when eligible). */
  reasons: EligibilityReason[];
}

export interface EligibilityResult {
  /** True when nothing refuses the student and at least one checked host is open to them. */
  eligible: boolean;
  /**
   * Every refusal: the student-level ones, and — when no checked host is open — every host's
   * reasons (each carries `params.host`). Empty when eligible.
   */
  reasons: EligibilityReason[];
  /** One entry per checked host: the student's ranking, or every host of the call if unranked. */
  hosts: HostEligibility[];
  /** Hosts open to the student, in ranking order. */
  eligibleHosts: string[];
  /**
   * R9: whether the student is entitled to the program's support (scholarship, travel) as an
   * exchange student dispatched from a Japanese university. `null` when the program defines no
   * such support (`rules.exchangeStudent === null`). It says what R9 alone decides: read it
   * together with `eligible`.
   */
  funding: { entitled: boolean; reasons: EligibilityReason[] } | null;
}
