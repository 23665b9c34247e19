/** The API contract of calls, the student portal and common screening. */
import { z } from 'zod';
import {
  CALL_STATUSES,
  callContentShape,
  callDocumentSchema,
  profileEditShape,
  storedRubricSchema,
} from '../../domain/calls/call-content.ts';
import {
  cefrSchema,
  enrolmentStatusSchema,
  languageRequirementSchema,
  studyLevelSchema,
} from '../../domain/eligibility/types.ts';
import { allocationInstanceSchema } from '../../domain/allocation/schema.ts';
import { rubricCriterionSchema } from '../../domain/screening/rubric.ts';
import { TIE_BREAKERS } from '../../domain/screening/rank.ts';
import { localizedTextSchema, refusalSchema } from '../../domain/shared/refusal.ts';
import { NamesSchema } from './common.schema.ts';

/** A name in every language the record has. */
const Name = localizedTextSchema;

export const APPLICATION_STATUSES = ['submitted', 'in_screening', 'scored', 'withdrawn'] as const;

export const CallHostView = z.object({
  institutionId: z.string(),
  consortiumId: z.string().nullable(),
  places: z.array(z.object({ level: studyLevelSchema, count: z.number().int() })),
  languageRequirements: z.array(languageRequirementSchema),
  name: z.string().describe('The official name'),
  names: NamesSchema,
  displayName: Name.describe('The name in every language the institution has'),
  consortium: Name.nullable().describe('The name of the host’s consortium'),
  country: z.string().nullable().describe('ISO 3166-1 alpha-2'),
  city: z.string().nullable(),
});

const GradeScaleView = z.object({
  id: z.string(),
  label: z.string(),
  min: z.number(),
  max: z.number(),
  formula: z.string(),
});

export const CallView = z.object({
  id: z.string(),
  programId: z.string().nullable(),
  program: Name.nullable(),
  agreementId: z.string().nullable(),
  title: NamesSchema,
  description: NamesSchema,
  sendingConsortiumIds: z.array(z.string()),
  sendingConsortia: z.array(z.object({ id: z.string(), name: Name })),
  hosts: z.array(CallHostView),
  opens: z.string(),
  closes: z.string(),
  nominationDeadline: z.string().nullable(),
  departureFrom: z.string().nullable(),
  departureTo: z.string().nullable(),
  stayMonthsMin: z.number().int().nullable(),
  stayMonthsMax: z.number().int().nullable(),
  maxRankedHosts: z.number().int(),
  documents: z.array(callDocumentSchema),
  rubric: z
    .object({
      id: z.string(),
      scoreScale: z.object({ min: z.number(), max: z.number() }),
      criteria: z.array(rubricCriterionSchema),
      minReviewers: z.number().int(),
      passMark: z.number().nullable(),
      gradeScales: z.array(GradeScaleView),
    })
    .nullable(),
  status: z.enum(CALL_STATUSES),
  open: z.boolean(),
  daysLeft: z.number().int().nullable(),
  today: z.string(),
  invented: z.boolean(),
});
export type CallViewT = z.infer<typeof CallView>;

export const CallDetail = CallView.extend({
  storedRubric: storedRubricSchema
    .nullable()
    .describe('The rubric as stored (grade anchors, panel), for the call’s managers only'),
  may: z.object({
    manage: z.boolean(),
    edit: z.boolean(),
    apply: z.boolean(),
    score: z.boolean(),
    screen: z.boolean(),
    readApplicants: z.boolean(),
  }),
  applyRefusals: z
    .array(refusalSchema)
    .describe('Why the signed-in student may not apply (R18, R9, R3…), shown instead of the form'),
  eligibility: z
    .object({
      status: z.enum(['eligible', 'ineligible', 'applied']),
      checkedOn: z.string().describe('The day of the check, on the program’s clock (R18)'),
      refusals: z.array(refusalSchema),
      application: z
        .object({ id: z.string(), submittedAt: z.string() })
        .nullable()
        .describe('The application already made, linked instead of the form'),
      stay: z
        .object({ min: z.number().int(), max: z.number().int() })
        .nullable()
        .describe('R12: the months the student may ask for (program range narrowed by the call)'),
      funding: z
        .array(refusalSchema)
        .describe('R9: why the student, though they may apply, is not entitled to the support'),
    })
    .nullable()
    .describe('The signed-in student’s eligibility, shown before the form; null for anyone else'),
});
export type CallDetailT = z.infer<typeof CallDetail>;

/** The content of a call (the checks across fields answer 400 naming the field). */
export const CallBody = callContentShape;
export type CallBodyT = z.input<typeof CallBody>;
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

export const DocumentView = z.object({
  id: z.string(),
  kind: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type DocumentViewT = z.infer<typeof DocumentView>;

const RankedHost = z.object({ institutionId: z.string(), name: Name });

export const ApplicationView = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: NamesSchema,
  closes: z.string(),
  homeId: z.string(),
  home: Name,
  ranking: z.array(z.string()),
  rankedHosts: z.array(RankedHost.extend({ eligible: z.boolean() })),
  requestedMonths: z.number().int(),
  version: z
    .number()
    .int()
    .describe('1, then one more each time the student applies again after withdrawing'),
  status: z.enum(APPLICATION_STATUSES),
  eligibleHosts: z.array(z.string()),
  hostReasons: z.array(
    z.object({ host: z.string(), name: Name, refusals: z.array(refusalSchema) }),
  ),
  funded: z.boolean(),
  submittedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  may: z.object({ withdraw: z.boolean(), upload: z.boolean() }),
  locked: z
    .array(refusalSchema)
    .describe('Why the application no longer changes (R18: the deadline has passed)'),
  documentsRequired: z.array(callDocumentSchema),
  documents: z.array(DocumentView),
});
export type ApplicationViewT = z.infer<typeof ApplicationView>;

export const StaffApplicationView = ApplicationView.extend({
  studentName: z.string(),
  student: Name,
  may: z.object({ withdraw: z.boolean(), upload: z.boolean(), review: z.boolean() }),
  reviewRefusals: z
    .array(refusalSchema)
    .describe('Why the signed-in reviewer may not score this applicant (R6, R16)'),
  mayScore: z.boolean().describe('Whether the signed-in reviewer may score this applicant'),
  refusal: refusalSchema
    .nullable()
    .describe('Why a reviewer may not score this applicant (R6: own institution, or unknown)'),
});
export type StaffApplicationViewT = z.infer<typeof StaffApplicationView>;

export const ProfileView = z.object({
  homeId: z.string(),
  home: Name,
  level: studyLevelSchema,
  enrolmentStatus: enrolmentStatusSchema,
  enrolmentUntil: z.string().nullable(),
  residenceStatus: z.string().nullable(),
  nationality: z.string().nullable().describe('ISO 3166-1 alpha-2'),
  languages: z.array(z.object({ language: z.string(), level: cefrSchema })),
  grade: z.object({ scale: z.string(), value: z.number() }).nullable(),
});
export type ProfileViewT = z.infer<typeof ProfileView>;

/**
 * What the student edits; the fields the university sets (home, nationality) are refused by
 * name, so they pass through here to be answered as 400 on their field.
 */
export const ProfileBody = profileEditShape.loose();
export type ProfileBodyT = z.input<typeof profileEditShape>;

export const ReviewBody = z.object({
  scores: z.record(z.string(), z.number()),
  comment: z.string().max(4000).nullable().optional(),
});

const CriterionScore = z.object({
  criterionId: z.string(),
  source: z.enum(['reviewer', 'grade']),
  weight: z.number(),
  value: z.number(),
  detail: z.string().describe('In English, for logs; the fields say the same'),
  scores: z.array(z.number()).optional(),
  mean: z.number().optional(),
});
const Grade = z
  .object({
    scaleId: z.string(),
    grade: z.number(),
    value: z.number(),
    between: z.object({
      from: z.tuple([z.number(), z.number()]),
      to: z.tuple([z.number(), z.number()]),
    }),
    explanation: z.string().describe('In English, for logs; the fields say the same'),
  })
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
    totalWeight: z.number(),
    minReviewers: z.number().int(),
    explanation: z.string(),
  }),
});

const RankEntry = z.object({
  applicationId: z.string(),
  studentName: z.string(),
  student: Name,
  homeId: z.string(),
  home: Name,
  rankedHosts: z.array(RankedHost),
  problem: refusalSchema.nullable().describe('Why the score cannot be computed'),
  status: z.enum(APPLICATION_STATUSES),
  ranking: z.array(z.string()),
  submittedAt: z.string(),
  version: z.number().int().describe('the application version ranked: its reviews are its own'),
  reviews: z.number().int(),
  reviewedByMe: z.boolean(),
  score: z.number().nullable(),
  complete: z.boolean(),
  explanation: z.string().describe('In English, for logs; the fields say the same'),
  criteria: z.array(CriterionScore),
  totalWeight: z.number().nullable(),
  grade: Grade,
});

export const RankingView = z.object({
  callId: z.string(),
  callTitle: NamesSchema,
  consent: z.object({
    rule: z.literal('R16'),
    via: z.enum(['agreement', 'attached_consent']),
    signedOn: z.string(),
  }),
  rubric: z.object({
    id: z.string(),
    scoreScale: z.object({ min: z.number(), max: z.number() }),
    criteria: z.array(rubricCriterionSchema),
    minReviewers: z.number().int(),
    passMark: z.number().nullable(),
  }),
  items: z.array(
    RankEntry.extend({
      rank: z.number().int(),
      scoreRank: z.number().int(),
      tiedWith: z.array(z.string()),
      aheadOfNext: z
        .object({
          applicantId: z.string(),
          decidedBy: z.enum(TIE_BREAKERS),
          explanation: z.string(),
        })
        .nullable(),
    }),
  ),
  pending: z.array(RankEntry),
});
export type RankingViewT = z.infer<typeof RankingView>;

/** The call as a `kakehashi-allocation/1` instance (docs/formats/allocation.md). */
export const AllocationInstanceView = allocationInstanceSchema;

/** The signed-in reviewer's own review of each application they scored (R6). */
export const MyReviewList = z.object({
  items: z.array(
    z.object({
      applicationId: z.uuid(),
      scores: z.record(z.string(), z.number()),
      comment: z.string().nullable(),
    }),
  ),
});
export type MyReviewListT = z.infer<typeof MyReviewList>;
