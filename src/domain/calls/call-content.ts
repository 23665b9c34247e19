/**
 * What the managers of a call write (the content of a call) and what a student edits of their
 * profile: the shapes the API contract and the services share. The checks across fields (a call
 * that closes before it opens, a language listed twice) carry refusal codes of this area.
 */
import { z } from 'zod';
import {
  callHostSchema,
  enrolmentStatusSchema,
  languageSkillSchema,
  studyLevelSchema,
} from '../eligibility/types.ts';
import { rubricSchema } from '../screening/rubric.ts';
import { DEFAULT_GRADE_SCALES } from '../screening/grade-scales.ts';
import { localizedTextSchema } from '../shared/refusal.ts';

const isoDate = z.iso.date();

/** A document the call asks for; `kind` is a stable code the UI translates. */
export const callDocumentSchema = z.object({
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,40}$/, 'a code such as transcript or language_certificate'),
  required: z.boolean(),
});
export type CallDocument = z.infer<typeof callDocumentSchema>;

/**
 * The call's rubric as stored: the common rubric of the consortium pair (R6) and the panel — the
 * institution each call-scoped reviewer belongs to, so that R6's conflict rule can be checked for
 * reviewers who hold no institution role.
 */
export const storedRubricSchema = rubricSchema.extend({
  panel: z
    .array(z.object({ userId: z.string().min(1), institutionIds: z.array(z.string().min(1)) }))
    .default([]),
});
export type StoredRubric = z.infer<typeof storedRubricSchema>;

export const CALL_STATUSES = ['draft', 'published', 'cancelled'] as const;

/** The content of a call, field by field (the checks across fields are in `callContentSchema`). */
export const callContentShape = z.object({
  programId: z.string().min(1),
  agreementId: z.uuid().nullable(),
  title: localizedTextSchema,
  description: localizedTextSchema.default({}),
  sendingConsortiumIds: z.array(z.string().min(1)).min(1),
  hosts: z.array(callHostSchema).min(1),
  opens: isoDate,
  closes: isoDate,
  nominationDeadline: isoDate.nullable().default(null),
  departureFrom: isoDate.nullable().default(null),
  departureTo: isoDate.nullable().default(null),
  stayMonthsMin: z.number().int().positive().nullable().default(null),
  stayMonthsMax: z.number().int().positive().nullable().default(null),
  maxRankedHosts: z.number().int().min(1).max(10),
  documents: z.array(callDocumentSchema).default([]),
  rubric: storedRubricSchema.nullable().default(null),
  status: z.enum(CALL_STATUSES).default('published'),
});

/** The content of a call with its checks across fields, each naming its refusal code. */
export const callContentSchema = callContentShape
  .extend({
    title: localizedTextSchema.refine((n) => Object.values(n).some((v) => v.trim() !== ''), {
      message: 'give a title',
      params: { refusal: 'calls.title_missing' },
    }),
  })
  .superRefine((c, ctx) => {
    const issue = (path: PropertyKey[], message: string, refusal: string) =>
      ctx.addIssue({ code: 'custom', path, message, params: { refusal } });
    if (c.closes < c.opens)
      issue(['closes'], 'closes before it opens', 'calls.closes_before_opens');
    if (c.departureFrom && c.departureTo && c.departureTo < c.departureFrom)
      issue(['departureTo'], 'ends before it starts', 'calls.departure_ends_before_start');
    if (c.stayMonthsMin !== null && c.stayMonthsMax !== null && c.stayMonthsMax < c.stayMonthsMin)
      issue(['stayMonthsMax'], 'below the minimum', 'calls.stay_max_below_min');
    const seen = new Set<string>();
    c.hosts.forEach((h, i) => {
      if (seen.has(h.institutionId))
        issue(['hosts', i, 'institutionId'], 'twice', 'calls.host_twice');
      seen.add(h.institutionId);
    });
  });
export type CallContent = z.infer<typeof callContentSchema>;

/** What a student edits of their profile, field by field. */
export const profileEditShape = z.object({
  level: studyLevelSchema,
  enrolmentStatus: enrolmentStatusSchema,
  enrolmentUntil: isoDate.nullable(),
  /**
   * Residence status in Japan (在留資格) by code, e.g. `student` = 留学; `null` = none. R9 reads
   * it, so the university records it: a student may send it back unchanged, never change it.
   */
  residenceStatus: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,40}$/, 'a code such as student or permanent_resident')
    .nullable()
    .optional(),
  languages: z.array(languageSkillSchema).max(12),
  /**
   * The grade with its scale. R6 weighs it in the common score, so the home university records it
   * (src/services/calls/student-record.ts): a student may send it back unchanged, never change it.
   */
  grade: z.object({ scale: z.string().min(1), value: z.number().finite() }).nullable(),
});

/** The profile edit with its checks: no field the university sets, no language twice, a known scale. */
export const profileEditSchema = profileEditShape.strict().superRefine((p, ctx) => {
  const seen = new Map<string, number>();
  p.languages.forEach((l, i) => {
    const first = seen.get(l.language);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['languages', i, 'language'],
        message: `"${l.language}" is already listed at position ${first + 1}`,
        params: { refusal: 'calls.language_listed_twice', position: first + 1 },
      });
    } else seen.set(l.language, i);
  });
  if (p.grade) {
    const scale = DEFAULT_GRADE_SCALES.find((s) => s.id === p.grade?.scale);
    if (!scale) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade', 'scale'],
        message: `one of ${DEFAULT_GRADE_SCALES.map((s) => s.id).join(', ')}`,
        params: { refusal: 'calls.grade_scale_unknown' },
      });
    } else if (p.grade.value < scale.min || p.grade.value > scale.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade', 'value'],
        message: `between ${scale.min} and ${scale.max} on ${scale.label}`,
        params: { refusal: 'calls.grade_outside_scale', min: scale.min, max: scale.max },
      });
    }
  }
});
export type ProfileEdit = z.infer<typeof profileEditSchema>;
