/**
 * A funder's support program as data: every number and choice of rules R1–R20
 * (docs/rules.md) lives here, edited by the funder officer and versioned.
 * The code that checks applications reads these fields; it holds none of their values.
 *
 * Field comments cite the rule and the clause of source document 003 (the pilot program's rule
 * book).
 */
import { z } from 'zod';
import { languageSchema, localizedTextSchema } from '../shared/refusal.ts';
import { fareCeilingsSchema } from '../travel/bands.ts';

/** R3 — 003 §5(3): bachelors, masters or doctors programs. */
export const LEVELS = ['bachelor', 'master', 'doctor'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

/** ISO 3166-1 alpha-2, upper case. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. JP');

/** `+09:00`, `-05:00` or `Z`. */
export const utcOffsetSchema = z.string().regex(/^(Z|[+-](0\d|1[0-4]):[0-5]\d)$/, 'e.g. +09:00');

/**
 * How a stay that is not a whole number of months is paid (003 §3(2) is silent; a program
 * setting): `whole-months` pays completed months only; `pro-rata-days` pays the remaining
 * days as days / `daysPerMonth` of a month, rounded down to the yen; `started-month` pays
 * any started month in full.
 */
export const partialMonthRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whole-months') }),
  z.object({ kind: z.literal('pro-rata-days'), daysPerMonth: z.number().int().min(28).max(31) }),
  z.object({ kind: z.literal('started-month') }),
]);
export type PartialMonthRule = z.infer<typeof partialMonthRuleSchema>;

const yen = z.number().int().nonnegative();
const positiveInt = z.number().int().positive();
const count = z.number().int().nonnegative();

export const programRulesSchema = z
  .object({
    /** e.g. `mext-pilot-2003`; the same id as the `programs` row. */
    id: z.string().min(1),
    /** Incremented by every edit of the funder officer; an application records the version it was checked against. */
    version: positiveInt,
    /**
     * The first day this version's numbers govern: stays that start, calls that open and months
     * that fall on or after it (rulesOn). Absent on a version that governs from the program's
     * start. An edit never reaches back before its own date, so what an earlier version governed
     * keeps being judged by it (rules hold over time).
     */
    effectiveFrom: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
      .optional(),
    /** The funder (SCHAC id), e.g. `mext.go.jp`. */
    funderId: z.string().min(1),
    name: localizedTextSchema,
    /** Where the rules come from (the funder's published text), in the languages it is cited in. */
    source: z.union([z.string(), localizedTextSchema]).optional(),

    /** R11 — 003 §3(2)1): the student exchange scholarship. */
    stipend: z.object({
      currency: z.literal('JPY'),
      monthlyAmount: yen,
      partialMonth: partialMonthRuleSchema,
    }),

    /** R12 — 003 §3(2)2): the supported stay, in months (min and max inclusive). */
    stayMonths: z.object({ min: positiveInt, max: positiveInt }),

    /** R10 — 003 §3(1): support period; may change with the budget; support may be suspended. */
    supportPeriod: z.object({
      maxYears: positiveInt,
      /** 003 §3(1): "the period may be changed depending on the budget". */
      mayChangeWithBudget: z.boolean(),
      /** 003 §3(1) note: "Support may be suspended depending on how a project is implemented". */
      maySuspend: z.boolean(),
    }),

    /** R14 — 003 §4: exchange students sent per year, per project. */
    annualCap: z.object({
      /** the budget in student-months a year (30 × 12 = 360 in the pilot) */
      studentMonths: positiveInt,
      /** the number of students when each is sent for the longest stay (30 in the pilot) */
      studentsAtFullLength: positiveInt,
    }),

    /** 003 §4: number of projects to be supported. */
    projectsSupported: positiveInt,

    /** R1 — 003 §2(1), §5(1): the consortium pair. */
    consortium: z.object({
      /** The country of the "Japanese" side (dispatching side, R9). */
      homeCountry: countryCodeSchema,
      minHomeUniversities: positiveInt,
      minPartnerUniversities: positiveInt,
      /** Countries the partner universities must be in; empty = any foreign country. */
      partnerCountries: z.array(countryCodeSchema),
      /** R8 — 003 §5(8): each consortium designates a representative university. */
      representativeRequired: z.boolean(),
    }),

    /** R3 — 003 §5(3). */
    levels: z.array(levelSchema).min(1),

    /** R9 — 003 §2(2): who is an exchange student under this program. */
    eligibility: z.object({
      /** Only students dispatched from a university of this country. */
      dispatchedFromCountry: countryCodeSchema,
      /**
       * Foreign students in Japan on a residence status of the annexed Table 1 of the
       * Immigration Control and Refugee Recognition Act with these categories are not entitled.
       */
      excludedResidenceStatuses: z.array(z.string().min(1)),
    }),

    /** R13 — 003 §3(3): travel expenses. */
    travel: z.object({
      ticketsPerStay: positiveInt,
      journey: z.enum(['round-trip', 'one-way']),
      cabinClass: z.enum(['economy', 'premium-economy', 'business']),
      /** Between the international airport nearest the home university and the one nearest the host. */
      between: z.literal('nearest-international-airports'),
      /** 003 §6(2)3): paid through the representative university. */
      paidThroughRepresentative: z.boolean(),
      /**
       * R13: the most a round-trip economy fare may cost per distance band (one-way great-circle
       * km), in yen; above it the funder officer must approve. Absent = the documented default.
       */
      fareCeilings: fareCeilingsSchema.optional(),
    }),

    /** R4 — 003 §5(4): allowed gap between the two sides, per year. */
    balanceTolerance: z.object({ students: count, studentMonths: count }),

    /** R2, R5, R6, R7, R16, R17 — 003 §5(2), §5(5)–(7), §7(2)–(3): which requirements apply. */
    requirements: z.object({
      signedAgreement: z.boolean(),
      tuitionWaiver: z.boolean(),
      commonScreening: z.boolean(),
      commonRecognition: z.boolean(),
      memberConsents: z.boolean(),
      /** R17: materials of foreign members come with a translation into this language. */
      translationLanguage: languageSchema.nullable(),
    }),

    /** R15 — 003 §6: "The application form is not specified, but A4 paper should be used." */
    dossier: z.object({ paperSize: z.literal('A4') }),

    /** R20 — fiscal year; Japan's starts in April. */
    fiscalYearStartMonth: z.number().int().min(1).max(12),

    /** R18 — 003 §8–9: the call. */
    call: z.object({
      /** Last day on which an application may be submitted (inclusive), in `utcOffset`. */
      applicationDeadline: z.iso.date(),
      /** The outcome is notified by this day (inclusive). */
      outcomeBy: z.iso.date(),
      /** The funder's clock, e.g. `+09:00` for Tokyo. */
      utcOffset: utcOffsetSchema,
    }),

    /** R20 — 003 §10(2): implementation reports. */
    reporting: z.object({
      due: z.literal('end-of-fiscal-year'),
      /** 003 §3(1) note: annual implementation reports are required. */
      annual: z.boolean(),
    }),

    /** R19 — 003 §10(1): dispatch to a country may be postponed or suspended for safety. */
    safetySuspension: z.boolean(),

    /** Free notes, e.g. which values are assumptions. */
    notes: z.array(z.string()).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.stayMonths.min > r.stayMonths.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['stayMonths', 'min'],
        message: 'the shortest stay is longer than the longest',
      });
    }
    // R14 — 003 §4 defines the cap as "up to N students if they are sent for the longest stay".
    if (r.annualCap.studentMonths !== r.annualCap.studentsAtFullLength * r.stayMonths.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['annualCap', 'studentMonths'],
        message: `the cap in student-months must be students at full length × longest stay (${r.annualCap.studentsAtFullLength} × ${r.stayMonths.max})`,
      });
    }
    if (r.call.outcomeBy < r.call.applicationDeadline) {
      ctx.addIssue({
        code: 'custom',
        path: ['call', 'outcomeBy'],
        message: 'the outcome date is before the application deadline',
      });
    }
  });

export type ProgramRules = z.infer<typeof programRulesSchema>;

/** Parses stored rules (e.g. a jsonb column); throws a ZodError naming the field. */
export function parseProgramRules(data: unknown): ProgramRules {
  return programRulesSchema.parse(data);
}

/** A copy of the rules with some fields changed and the version incremented (the officer's edit). */
export function reviseProgramRules(
  rules: ProgramRules,
  change: (draft: ProgramRules) => ProgramRules,
): ProgramRules {
  const next = change(structuredClone(rules));
  return programRulesSchema.parse({ ...next, version: rules.version + 1 });
}

/**
 * The version of a program's rules that governs `date` (an ISO date: a stay's start, a call's
 * opening, a month's first day): the latest version in force on that day. A day before every
 * dated version falls to the first version, which governs from the program's start.
 */
export function rulesOn<R extends Pick<ProgramRules, 'version' | 'effectiveFrom'>>(
  versions: readonly R[],
  date: string,
): R | undefined {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  let chosen = ordered[0];
  for (const v of ordered) {
    if (v.effectiveFrom === undefined || v.effectiveFrom <= date) chosen = v;
  }
  return chosen;
}

/**
 * A new version's date must not come before the version it follows: versions govern one after
 * another, so that each day is governed by exactly one of them. Returns the refusal's params, or
 * null when the date is acceptable.
 */
export function effectiveFromProblem(
  previous: Pick<ProgramRules, 'effectiveFrom'> | null,
  effectiveFrom: string | undefined,
): { previous: string } | null {
  if (!previous?.effectiveFrom) return null;
  if (effectiveFrom === undefined || effectiveFrom < previous.effectiveFrom)
    return { previous: previous.effectiveFrom };
  return null;
}

/** The yearly budget of scholarships in yen: the cap in student-months × the monthly stipend (R11 × R14). */
export function annualScholarshipBudget(rules: ProgramRules): number {
  return rules.annualCap.studentMonths * rules.stipend.monthlyAmount;
}
