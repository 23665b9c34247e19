/**
 * The API contract of the mobility area: mobilities and their transitions, learning agreements,
 * transcripts and recognition, course catalogues, the Course Jukebox, conversions. Request bodies
 * reuse the zod schemas of src/domain/mobility and src/domain/recognition.
 */
import { z } from 'zod';
import { MobilityActionSchema, TransitionRequestSchema } from '#src/domain/mobility/schemas.ts';
import { MOBILITY_STATES } from '#src/domain/mobility/mobility-workflow.ts';
import { NominationInputSchema } from '#src/domain/mobility/direct-nomination.ts';
import { CREDIT_SYSTEM_IDS } from '#src/domain/recognition/credit-systems.ts';
import { ECTS_LETTERS } from '#src/domain/recognition/grade-scales.ts';
import { CHANGE_REASONS } from '#src/domain/recognition/learning-agreement.ts';
import {
  localizedTextSchema,
  refusalSchema,
  requiredLocalizedTextSchema,
} from '#src/domain/shared/refusal.ts';
import {
  LaChangeSchema,
  LaComponentSchema,
  LaPartySchema,
  ProposeChangesRequestSchema,
  RecognitionDecisionRequestSchema,
  TranscriptEntrySchema,
} from '#src/domain/recognition/schemas.ts';
import {
  IsoDate,
  keysetSearchQuery,
  NamesSchema,
  NextCursor,
  STUDENT_NAME_WORDS,
} from './common.schema.ts';

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
  ...keysetSearchQuery(STUDENT_NAME_WORDS),
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
  title: requiredLocalizedTextSchema,
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
        title: requiredLocalizedTextSchema,
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

// ── Responses ────────────────────────────────────────────────────────────────────────────────
// What each route answers. Stored documents (learning agreements, transcripts, decisions) went
// in through the request schemas above; the views describe them without the input limits, so a
// record written under older limits still reads.

/** A name in every language the record has. */
const Name = localizedTextSchema;

export const CreditsView = z.object({ value: z.number(), system: z.enum(CREDIT_SYSTEM_IDS) });

export const InstitutionNameView = z.object({
  id: z.string(),
  name: z.string(),
  names: NamesSchema,
});

export const InstitutionInfoView = InstitutionNameView.extend({
  country: z.string(),
  creditSystem: z.enum(CREDIT_SYSTEM_IDS),
  gradeScaleId: z.string(),
});

// Mobilities

const MobilityStateSchema = z.enum(MOBILITY_STATES);

export const MobilitySummaryView = z.object({
  id: z.string(),
  agreementId: z.string().nullable(),
  home: InstitutionNameView,
  host: InstitutionNameView,
  studentName: z.string(),
  student: Name.describe('The student’s name in each script (the recorded name where none)'),
  level: z.string(),
  startDate: z.string(),
  months: z.number().int(),
  status: MobilityStateSchema,
  invented: z.boolean(),
  myRoles: z.array(z.string()).describe('What the reader is for this mobility (home_coordinator…)'),
});

export const MobilityListView = z.object({
  items: z.array(MobilitySummaryView),
  nextCursor: NextCursor,
});

export const AllowedActionView = z.object({
  action: MobilityActionSchema,
  to: MobilityStateSchema,
  reasonRequired: z.boolean(),
  dateRequired: z.boolean(),
  records: z.enum(['departedOn', 'arrivedOn', 'completedOn', 'endedOn']).nullable(),
  rules: z.array(z.string()).readonly(),
});

export const MobilityHistoryEntryView = z.object({
  id: z.number().int(),
  action: z.union([MobilityActionSchema, z.literal('nominate')]),
  from: MobilityStateSchema,
  to: MobilityStateSchema,
  actor: Name.nullable().describe('Who made the step (null when the account no longer exists)'),
  reason: z.string().nullable(),
  date: z.string().nullable(),
  recorded: z.enum(['departedOn', 'arrivedOn', 'completedOn', 'endedOn']).nullable(),
  override: z
    .object({ reason: z.string(), warnings: z.array(refusalSchema) })
    .nullable()
    .describe('Dates recorded despite warnings (R12, the plan): the reason and the warnings'),
  at: z.string(),
});

export const MobilityDetailView = MobilitySummaryView.extend({
  version: z.number().int(),
  stateSince: z.string(),
  departedOn: z.string().nullable(),
  arrivedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  transcriptRef: z.string().nullable(),
  closingReason: z.string().nullable(),
  learningAgreementVersion: z.number().int().nullable(),
  hasLearningAgreement: z.boolean(),
  transcriptIssuedOn: z.string().nullable(),
  steps: z.array(MobilityStateSchema).readonly(),
  may: z.record(MobilityActionSchema, z.boolean()).describe('The steps the reader may take now'),
  whyNot: z
    .partialRecord(MobilityActionSchema, z.array(refusalSchema))
    .describe('Steps the reader’s role allows that would fail now, with the reason'),
  allowedActions: z.array(AllowedActionView),
  history: z.array(MobilityHistoryEntryView),
});

// Learning agreements

export const CreditConversionRuleView = z.object({
  from: z.enum(CREDIT_SYSTEM_IDS),
  to: z.enum(CREDIT_SYSTEM_IDS),
  clockHoursPerCreditFrom: z.number(),
  clockHoursPerCreditTo: z.number(),
  exact: z.number(),
  step: z.number(),
  rounding: z.enum(['half-up', 'down']),
  text: z.string(),
});

export const CreditConversionView = z.object({ value: z.number(), rule: CreditConversionRuleView });

const CourseRefView = z.object({ code: z.string(), title: Name, credits: CreditsView });

export const LaComponentView = z.object({
  id: z.string(),
  host: CourseRefView.extend({ term: z.string().optional(), online: z.boolean().optional() }),
  home: z.object({ code: z.string().nullable(), title: Name, credits: CreditsView }),
  conditions: z.string().optional(),
});

const changeReason = { reason: z.enum(CHANGE_REASONS), reasonText: z.string().optional() };
export const LaChangeView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('insert'), component: LaComponentView, ...changeReason }),
  z.object({ kind: z.literal('update'), component: LaComponentView, ...changeReason }),
  z.object({ kind: z.literal('delete'), componentId: z.string(), ...changeReason }),
]);

export const LaSignatureView = z.object({
  party: LaPartySchema,
  signerName: z.string(),
  signerPosition: z.string().optional(),
  signerEmail: z.string().optional(),
  signedAt: z.string(),
  actorId: z.string().optional(),
});

export const LaComponentWithConversionView = LaComponentView.extend({
  conversion: CreditConversionView.describe('Host credits in the home system, with the rule'),
});

export const LaVersionView = z.object({
  number: z.number().int(),
  basedOn: z.number().int().nullable(),
  components: z.array(LaComponentWithConversionView),
  changes: z.array(LaChangeView).readonly(),
  status: z.enum(['proposed', 'approved', 'rejected', 'superseded']),
  proposedBy: LaPartySchema,
  proposedAt: z.string(),
  signatures: z.partialRecord(LaPartySchema, LaSignatureView),
  rejection: z.object({ party: LaPartySchema, comment: z.string(), at: z.string() }).nullable(),
  credits: z.object({ host: CreditsView, home: CreditsView }),
});

export const LearningAgreementView = z.object({
  id: z.string(),
  mobilityId: z.string(),
  homeInstitutionId: z.string(),
  hostInstitutionId: z.string(),
  homeCreditSystem: z.enum(CREDIT_SYSTEM_IDS),
  hostCreditSystem: z.enum(CREDIT_SYSTEM_IDS),
  signed: z.boolean(),
  currentVersion: z.number().int().nullable(),
  pendingVersion: z.number().int().nullable(),
  latestVersion: z.number().int(),
  versions: z.array(LaVersionView),
  myParties: z.array(LaPartySchema),
  may: z.object({ propose: z.boolean(), sign: z.array(LaPartySchema) }),
});

export const LaDiffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(LaComponentView),
  removed: z.array(LaComponentView),
  changed: z.array(
    z.object({
      id: z.string(),
      before: LaComponentView,
      after: LaComponentView,
      fields: z.array(z.string()),
    }),
  ),
  changes: z.array(LaChangeView).readonly(),
});

// Transcripts and recognition

export const GradeDistributionView = z.object({
  scaleId: z.string(),
  iscedCode: z.string().optional(),
  reference: z.string().optional(),
  rows: z
    .array(
      z.object({
        label: z.string(),
        percentage: z.number().optional(),
        count: z.number().optional(),
      }),
    )
    .readonly(),
});

export const TranscriptEntryView = z.object({
  componentId: z.string(),
  hostCourseCode: z.string(),
  status: z.enum(['passed', 'failed', 'in-progress', 'not-taken']),
  grade: z.string().nullable(),
  gradeScaleId: z.string().nullable(),
  credits: CreditsView,
  distribution: GradeDistributionView.optional(),
});

export const GradeConversionView = z.object({
  grade: z.string().describe('The label in the target scale'),
  from: z.object({ scaleId: z.string(), given: z.string(), label: z.string() }),
  to: z.string(),
  method: z.enum(['same-scale', 'scale-mapping', 'percentile', 'fail']),
  pivot: z.enum(ECTS_LETTERS).nullable(),
  percentile: z
    .object({
      sourceRange: z.tuple([z.number(), z.number()]).readonly(),
      midpoint: z.number(),
      targetRange: z.tuple([z.number(), z.number()]).readonly(),
      overlaps: z.array(z.object({ label: z.string(), percent: z.number() })).readonly(),
      sourceReference: z.string().nullable(),
      targetReference: z.string().nullable(),
    })
    .nullable(),
  explanation: z.string(),
});

const OutcomeSchema = z.enum(['full', 'partial', 'none']);

export const RecognitionSubjectView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('learning-agreement'), id: z.string(), version: z.number().int() }),
  z.object({ kind: z.literal('jukebox-enrolment'), id: z.string() }),
]);

const ReusedFrom = z.object({ key: z.string(), lastDecidedAt: z.string() });

export const RecognitionDecisionView = z.object({
  subject: RecognitionSubjectView,
  componentId: z.string(),
  hostInstitutionId: z.string(),
  hostCourseCode: z.string(),
  hostCredits: CreditsView,
  homeInstitutionId: z.string(),
  homeCourseCode: z.string().nullable(),
  homeTitle: Name,
  outcome: OutcomeSchema,
  creditsPlanned: CreditsView,
  creditsRecognised: CreditsView,
  reason: z.string().nullable(),
  grade: z
    .object({ host: z.string(), hostScaleId: z.string(), home: GradeConversionView.nullable() })
    .nullable(),
  systemId: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  reusedFrom: ReusedFrom.nullable(),
  repeat: z
    .object({
      reason: z.string(),
      earlier: z.object({
        mobilityId: z.string(),
        componentId: z.string(),
        decidedAt: z.string(),
        credits: CreditsView,
      }),
    })
    .nullable()
    .optional()
    .describe('R7: the home course was credited before; why it was allowed again'),
});

export const EquivalenceSuggestionView = z.object({
  outcome: OutcomeSchema,
  credits: z.number(),
  reason: z.string().nullable(),
  basedOn: z.object({
    hostInstitutionId: z.string(),
    hostCourseCode: z.string(),
    homeInstitutionId: z.string(),
    homeCourseCode: z.string().nullable(),
    key: z.string(),
    counts: z.object({ full: z.number(), partial: z.number(), none: z.number() }),
    latest: RecognitionDecisionView.pick({
      outcome: true,
      hostCredits: true,
      creditsPlanned: true,
      creditsRecognised: true,
      reason: true,
      decidedAt: true,
      subject: true,
    }),
    firstDecidedAt: z.string(),
  }),
  hostCreditsChanged: z.boolean(),
  note: z.string(),
});

export const RecognitionRateView = z.object({
  decided: z.number().int(),
  full: z.number().int(),
  partial: z.number().int(),
  none: z.number().int(),
  pending: z.number().int(),
  creditsPlanned: CreditsView.nullable(),
  creditsRecognised: CreditsView.nullable(),
  rate: z.number().nullable(),
  fullRate: z.number().nullable(),
});

export const RecognitionView = z.object({
  mobilityId: z.string(),
  state: MobilityStateSchema,
  studentName: z.string(),
  home: InstitutionInfoView,
  host: InstitutionInfoView,
  learningAgreementVersion: z.number().int().nullable(),
  system: z.object({
    id: z.string(),
    agreed: z.boolean(),
    reasons: z.array(refusalSchema),
    consents: z
      .array(
        z.object({
          institutionId: z.string(),
          via: z.enum(['agreement-clause', 'attached-consent']),
          documentRef: z.string(),
          agreedOn: z.string(),
        }),
      )
      .readonly(),
  }),
  transcript: z.object({ issuedOn: z.string(), entries: z.array(TranscriptEntryView) }).nullable(),
  components: z.array(
    z.object({
      component: LaComponentView,
      transcript: TranscriptEntryView.nullable(),
      creditConversion: CreditConversionView,
      gradeConversion: GradeConversionView.nullable(),
      decision: RecognitionDecisionView.nullable(),
      suggestion: EquivalenceSuggestionView.nullable(),
    }),
  ),
  rate: RecognitionRateView,
  may: z.object({ enterTranscript: z.boolean(), decide: z.boolean() }),
});

export const AgreementRecognitionRateView = z.object({
  agreementId: z.string(),
  decided: z.number().int(),
  full: z.number().int(),
  partial: z.number().int(),
  none: z.number().int(),
  fullRate: z.number().nullable(),
  bySystem: z.array(RecognitionRateView.extend({ system: z.string() })),
  rules: z.array(z.string()),
});

export const RecognisedCreditsView = z.object({
  items: z.array(
    z.object({
      source: z.enum(['mobility', 'jukebox']),
      sourceId: z.string(),
      state: z.string(),
      decision: RecognitionDecisionView,
      host: InstitutionNameView.nullable(),
    }),
  ),
  totals: z.array(
    z.object({ system: z.enum(CREDIT_SYSTEM_IDS), planned: z.number(), recognised: z.number() }),
  ),
});

// Conversions

export const ConversionSystemsView = z.object({
  creditSystems: z.array(
    z.object({
      id: z.enum(CREDIT_SYSTEM_IDS),
      name: Name,
      hoursPerCredit: z.object({ min: z.number(), max: z.number(), nominal: z.number() }),
      minutesPerHour: z.number(),
      creditsPerYear: z.number().nullable(),
      definition: z.string(),
      source: z.string(),
      ewpScheme: z.string(),
    }),
  ),
  gradeScales: z.array(
    z.object({
      id: z.string(),
      name: Name,
      kind: z.enum(['ordinal', 'numeric']),
      grades: z.array(z.object({ label: z.string(), name: Name.nullable(), passing: z.boolean() })),
      source: z.string(),
    }),
  ),
});

export const CreditConversionResultView = CreditConversionView.extend({
  given: CreditsView,
  to: z.enum(CREDIT_SYSTEM_IDS),
});

// Course catalogues

export const CourseView = z.object({
  id: z.string(),
  institutionId: z.string(),
  orgUnitId: z.string().nullable(),
  code: z.string(),
  title: Name,
  level: z.enum(['bachelor', 'master', 'doctor']),
  credits: CreditsView,
  term: z.string().nullable(),
  language: z.string().nullable(),
  online: z.boolean(),
  jukeboxAllianceId: z.string().nullable(),
});

export const CatalogueView = z.object({
  institution: InstitutionInfoView,
  creditSystem: z.enum(CREDIT_SYSTEM_IDS),
  items: z.array(CourseView),
  may: z.object({ manage: z.boolean() }),
});

// Course Jukebox

export const JukeboxView = z.object({
  alliance: z.object({
    id: z.string(),
    name: z.string(),
    names: NamesSchema,
    members: z.array(
      z.object({
        institutionId: z.string(),
        from: z.string(),
        until: z.string().nullable(),
        name: z.string(),
        names: NamesSchema,
      }),
    ),
  }),
  entries: z.array(
    z.object({
      course: CourseView,
      institution: InstitutionNameView,
      enrolled: z.number().int(),
      mine: z.boolean(),
      conversions: z.array(CreditConversionView),
      may: z.object({ enrol: z.boolean() }),
      whyNot: z.array(refusalSchema),
    }),
  ),
  excluded: z.array(z.object({ offerId: z.string(), reason: refusalSchema })),
});

export const JukeboxEnrolmentView = z.object({
  id: z.string(),
  status: z.string(),
  createdAt: z.string(),
  course: CourseView,
  student: z.object({ name: Name, invented: z.boolean() }).nullable(),
  enrolment: z.object({
    id: z.string(),
    offerId: z.string(),
    allianceId: z.string(),
    studentId: z.string(),
    homeInstitutionId: z.string(),
    hostInstitutionId: z.string(),
    courseCode: z.string(),
    term: z.string(),
    enrolledOn: z.string(),
  }),
  component: LaComponentView,
  transcript: TranscriptEntryView.nullable(),
  decision: RecognitionDecisionView.nullable(),
  suggestion: EquivalenceSuggestionView.nullable(),
  may: z.object({ enterResult: z.boolean(), decide: z.boolean() }),
});

export const JukeboxEnrolmentListView = z.object({ items: z.array(JukeboxEnrolmentView) });

// Direct nominations

/** A home coordinator nominates a student directly (R2, R3, R9, R12 checked as at publication). */
export const NominationBody = NominationInputSchema;

export const NominationCreatedView = z.object({ id: z.uuid() });

/** What the nomination form offers: the coordinator's students by name, the possible hosts. */
export const NominationOptionsView = z.object({
  students: z.array(
    z.object({
      userId: z.uuid(),
      name: Name,
      homeId: z.string(),
      level: z.string().describe('the level of study the home university records (R3)'),
    }),
  ),
  hosts: z.array(z.object({ id: z.string(), name: Name, country: z.string() })),
});
