/** The API contract of calls, the student portal and common screening. */
import { z } from 'zod';
import { NamesSchema } from './common.schema.ts';

const Reason = z.object({
  rule: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.unknown()),
});
export type ReasonView = z.infer<typeof Reason>;

const Place = z.object({ level: z.string(), count: z.number().int() });
const LanguageRequirement = z.object({ language: z.string(), minLevel: z.string() });

export const CallHostView = z.object({
  institutionId: z.string(),
  consortiumId: z.string().nullable(),
  places: z.array(Place),
  languageRequirements: z.array(LanguageRequirement),
  name: z.string(),
  names: NamesSchema,
  country: z.string().nullable(),
  city: z.string().nullable(),
});

const Criterion = z.object({
  id: z.string(),
  label: z.string(),
  weight: z.number(),
  source: z.enum(['reviewer', 'grade']),
});

export const CallView = z.object({
  id: z.string(),
  programId: z.string().nullable(),
  agreementId: z.string().nullable(),
  title: NamesSchema,
  description: NamesSchema,
  sendingConsortiumIds: z.array(z.string()),
  hosts: z.array(CallHostView),
  opens: z.string(),
  closes: z.string(),
  nominationDeadline: z.string().nullable(),
  departureFrom: z.string().nullable(),
  departureTo: z.string().nullable(),
  stayMonthsMin: z.number().int().nullable(),
  stayMonthsMax: z.number().int().nullable(),
  maxRankedHosts: z.number().int(),
  documents: z.array(z.object({ kind: z.string(), required: z.boolean() })),
  rubric: z
    .object({
      id: z.string(),
      scoreScale: z.object({ min: z.number(), max: z.number() }),
      criteria: z.array(Criterion),
      minReviewers: z.number().int(),
      passMark: z.number().nullable(),
      gradeScales: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          min: z.number(),
          max: z.number(),
          formula: z.string(),
        }),
      ),
    })
    .nullable(),
  status: z.string(),
  open: z.boolean(),
  daysLeft: z.number().int().nullable(),
  today: z.string(),
  invented: z.boolean(),
});
export type CallViewT = z.infer<typeof CallView>;

export const CallDetail = CallView.extend({
  storedRubric: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('The rubric as stored (grade anchors, panel), for the call’s managers only'),
  may: z.object({
    manage: z.boolean(),
    apply: z.boolean(),
    score: z.boolean(),
    readApplicants: z.boolean(),
  }),
});
export type CallDetailT = z.infer<typeof CallDetail>;

export const CallBody = z
  .record(z.string(), z.unknown())
  .describe(
    'programId, agreementId, title, description, sendingConsortiumIds, hosts (CallHost), opens, closes, nominationDeadline, departureFrom, departureTo, stayMonthsMin, stayMonthsMax, maxRankedHosts, documents, rubric, status',
  );
export const CreateCallBody = z.object({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{2,62}$/,
      'lower-case letters, digits and hyphens, e.g. tohoku-jr-2027',
    ),
  content: CallBody,
});

export const ApplyBody = z.object({
  ranking: z.array(z.string().min(1).max(253)).max(20).describe('Host ids, best first'),
  requestedMonths: z.number().int().min(1).max(60),
});

const DocumentView = z.object({
  id: z.string(),
  kind: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type DocumentViewT = z.infer<typeof DocumentView>;
export { DocumentView };

export const ApplicationView = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: NamesSchema,
  closes: z.string(),
  homeId: z.string(),
  ranking: z.array(z.string()),
  requestedMonths: z.number().int(),
  status: z.string(),
  eligibleHosts: z.array(z.string()),
  hostReasons: z.array(z.object({ host: z.string(), reasons: z.array(Reason) })),
  funded: z.boolean(),
  submittedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  mayWithdraw: z.boolean(),
  documentsRequired: z.array(z.object({ kind: z.string(), required: z.boolean() })),
  documents: z.array(DocumentView),
});
export type ApplicationViewT = z.infer<typeof ApplicationView>;

export const StaffApplicationView = ApplicationView.extend({ studentName: z.string() });

export const ProfileView = z.object({
  homeId: z.string(),
  level: z.string(),
  enrolmentStatus: z.string(),
  enrolmentUntil: z.string().nullable(),
  residenceStatus: z.string().nullable(),
  nationality: z.string().nullable(),
  languages: z.array(z.object({ language: z.string(), level: z.string() })),
  grade: z.object({ scale: z.string(), value: z.number() }).nullable(),
});
export const ProfileBody = z
  .record(z.string(), z.unknown())
  .describe(
    'level, enrolmentStatus, enrolmentUntil, residenceStatus, languages [{language, level (CEFR)}], grade {scale, value}; the home university is not editable',
  );

export type ProfileViewT = z.infer<typeof ProfileView>;

export const ReviewBody = z.object({
  scores: z.record(z.string(), z.number()),
  comment: z.string().max(4000).nullable().optional(),
});

const CriterionScore = z.object({
  criterionId: z.string(),
  source: z.enum(['reviewer', 'grade']),
  weight: z.number(),
  value: z.number(),
  detail: z.string(),
});
const Grade = z
  .object({ scaleId: z.string(), grade: z.number(), value: z.number(), explanation: z.string() })
  .nullable();

export const ReviewResult = z.object({
  applicationId: z.string(),
  score: z.object({
    applicantId: z.string(),
    score: z.number(),
    complete: z.boolean(),
    reviewers: z.number().int(),
    criteria: z.array(CriterionScore),
    grade: Grade,
    explanation: z.string(),
  }),
});

const RankEntry = z.object({
  applicationId: z.string(),
  studentName: z.string(),
  homeId: z.string(),
  status: z.string(),
  ranking: z.array(z.string()),
  submittedAt: z.string(),
  reviews: z.number().int(),
  reviewedByMe: z.boolean(),
  score: z.number().nullable(),
  complete: z.boolean(),
  explanation: z.string(),
  criteria: z.array(CriterionScore),
  grade: Grade,
});

export const RankingView = z.object({
  callId: z.string(),
  consent: z.object({ rule: z.literal('R16'), via: z.string(), signedOn: z.string() }),
  rubric: z.object({
    id: z.string(),
    scoreScale: z.object({ min: z.number(), max: z.number() }),
    criteria: z.array(Criterion),
    minReviewers: z.number().int(),
    passMark: z.number().nullable(),
  }),
  items: z.array(
    RankEntry.extend({
      rank: z.number().int(),
      scoreRank: z.number().int(),
      tiedWith: z.array(z.string()),
      aheadOfNext: z
        .object({ applicantId: z.string(), decidedBy: z.string(), explanation: z.string() })
        .nullable(),
    }),
  ),
  pending: z.array(RankEntry),
});
export type RankingViewT = z.infer<typeof RankingView>;
