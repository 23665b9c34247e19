/** The mobility area's API calls; shapes follow src/services/mobility. */
import { apiRequest } from '../../api/client.ts';
import type { Names } from '../../api/types.ts';
import type { MobilityAction, MobilityState } from '../../../domain/mobility/mobility-workflow.ts';
import type {
  CreditConversion,
  CreditSystemId,
  Credits,
} from '../../../domain/recognition/credit-systems.ts';
import type { GradeConversion } from '../../../domain/recognition/grade-conversion.ts';
import type {
  ComponentDiff,
  LaChange,
  LaComponent,
  LaParty,
  LaVersion,
} from '../../../domain/recognition/learning-agreement.ts';
import type {
  EquivalenceSuggestion,
  RecognitionDecision,
  RecognitionOutcome,
  RecognitionRate,
  TranscriptEntry,
} from '../../../domain/recognition/recognition.ts';
import type { LocalisedText, StudyLevel } from '../../../domain/recognition/types.ts';
import type { Refusal } from '../../../domain/shared/refusal.ts';

export type InstitutionName = { id: string; name: string; names: Names };

export type MobilitySummary = {
  id: string;
  agreementId: string | null;
  home: InstitutionName;
  host: InstitutionName;
  studentName: string;
  student: LocalisedText;
  level: string;
  startDate: string;
  months: number;
  status: MobilityState;
  invented: boolean;
  myRoles: string[];
};

export type AllowedAction = {
  action: MobilityAction;
  to: MobilityState;
  reasonRequired: boolean;
  dateRequired: boolean;
  records: string | null;
  rules: string[];
};

export type MobilityDetail = MobilitySummary & {
  version: number;
  stateSince: string;
  departedOn: string | null;
  arrivedOn: string | null;
  completedOn: string | null;
  endedOn: string | null;
  transcriptRef: string | null;
  closingReason: string | null;
  learningAgreementVersion: number | null;
  hasLearningAgreement: boolean;
  transcriptIssuedOn: string | null;
  steps: MobilityState[];
  may: Record<MobilityAction, boolean>;
  whyNot: Partial<Record<MobilityAction, Refusal[]>>;
  allowedActions: AllowedAction[];
  history: {
    id: number;
    action: MobilityAction | 'nominate';
    from: MobilityState;
    to: MobilityState;
    actor: LocalisedText | null;
    reason: string | null;
    date: string | null;
    recorded: 'departedOn' | 'arrivedOn' | 'completedOn' | 'endedOn' | null;
    at: string;
  }[];
};

export type ComponentView = LaComponent & { conversion: CreditConversion };
export type VersionView = Omit<LaVersion, 'components'> & {
  components: ComponentView[];
  credits: { host: Credits; home: Credits };
};

export type LearningAgreementView = {
  id: string;
  mobilityId: string;
  homeCreditSystem: CreditSystemId;
  hostCreditSystem: CreditSystemId;
  signed: boolean;
  currentVersion: number | null;
  pendingVersion: number | null;
  latestVersion: number;
  versions: VersionView[];
  myParties: LaParty[];
  may: { propose: boolean; sign: LaParty[] };
};

export type InstitutionInfo = InstitutionName & {
  country: string;
  creditSystem: CreditSystemId;
  gradeScaleId: string;
};

export type RecognitionView = {
  mobilityId: string;
  state: MobilityState;
  studentName: string;
  home: InstitutionInfo;
  host: InstitutionInfo;
  learningAgreementVersion: number | null;
  system: { id: string; agreed: boolean; reasons: Refusal[] };
  transcript: { issuedOn: string; entries: TranscriptEntry[] } | null;
  components: {
    component: LaComponent;
    transcript: TranscriptEntry | null;
    creditConversion: CreditConversion;
    gradeConversion: GradeConversion | null;
    decision: RecognitionDecision | null;
    suggestion: EquivalenceSuggestion | null;
  }[];
  rate: RecognitionRate;
  may: { enterTranscript: boolean; decide: boolean };
};

export type Course = {
  id: string;
  institutionId: string;
  code: string;
  title: LocalisedText;
  level: StudyLevel;
  credits: Credits;
  term: string | null;
  language: string | null;
  online: boolean;
  jukeboxAllianceId: string | null;
};

export type Catalogue = {
  institution: InstitutionInfo;
  creditSystem: CreditSystemId;
  items: Course[];
  may: { manage: boolean };
};

export type JukeboxView = {
  alliance: {
    id: string;
    name: string;
    names: Names;
    members: {
      institutionId: string;
      from: string;
      until: string | null;
      name: string;
      names: Names;
    }[];
  };
  entries: {
    course: Course;
    institution: InstitutionName;
    enrolled: number;
    mine: boolean;
    conversions: CreditConversion[];
    may: { enrol: boolean };
    whyNot: Refusal[];
  }[];
};

export type JukeboxEnrolmentView = {
  id: string;
  status: string;
  course: Course;
  student: { name: LocalisedText; invented: boolean } | null;
  enrolment: { homeInstitutionId: string; hostInstitutionId: string; enrolledOn: string };
  component: LaComponent;
  transcript: TranscriptEntry | null;
  decision: RecognitionDecision | null;
  suggestion: EquivalenceSuggestion | null;
  may: { enterResult: boolean; decide: boolean };
};

export type RecognisedCredits = {
  items: {
    source: 'mobility' | 'jukebox';
    sourceId: string;
    state: string;
    decision: RecognitionDecision;
    host: InstitutionName | null;
  }[];
  totals: { system: CreditSystemId; planned: number; recognised: number }[];
};

type Csrf = string | null;
const enc = encodeURIComponent;

export const listMobilities = (signal?: AbortSignal) =>
  apiRequest<{ items: MobilitySummary[]; total: number }>('/mobilities', { signal });

export const getMobility = (id: string, signal?: AbortSignal) =>
  apiRequest<MobilityDetail>(`/mobilities/${enc(id)}`, { signal });

export const makeTransition = (
  id: string,
  body: { action: MobilityAction; reason?: string; date?: string; expectedVersion?: number },
  csrfToken: Csrf,
) =>
  apiRequest<MobilityDetail>(`/mobilities/${enc(id)}/transitions`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const getLearningAgreement = (id: string, signal?: AbortSignal) =>
  apiRequest<LearningAgreementView>(`/mobilities/${enc(id)}/learning-agreement`, { signal });

export const createLearningAgreement = (
  id: string,
  body: { components: LaComponent[]; party?: LaParty },
  csrfToken: Csrf,
) =>
  apiRequest<LearningAgreementView>(`/mobilities/${enc(id)}/learning-agreement`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const proposeChanges = (
  id: string,
  body: { baseVersion: number; changes: LaChange[]; party?: LaParty },
  csrfToken: Csrf,
) =>
  apiRequest<LearningAgreementView>(`/mobilities/${enc(id)}/learning-agreement/proposals`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const approveVersion = (
  id: string,
  body: { version: number; party?: LaParty },
  csrfToken: Csrf,
) =>
  apiRequest<LearningAgreementView>(`/mobilities/${enc(id)}/learning-agreement/approvals`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const getDiff = (id: string, from: number, to: number, signal?: AbortSignal) =>
  apiRequest<ComponentDiff & { from: number; to: number; changes: LaChange[] }>(
    `/mobilities/${enc(id)}/learning-agreement/diff`,
    { query: { from, to }, signal },
  );

export const getRecognition = (id: string, signal?: AbortSignal) =>
  apiRequest<RecognitionView>(`/mobilities/${enc(id)}/recognition`, { signal });

export const enterTranscript = (
  id: string,
  body: { issuedOn: string; entries: TranscriptEntry[] },
  csrfToken: Csrf,
) =>
  apiRequest<RecognitionView>(`/mobilities/${enc(id)}/transcript`, {
    method: 'PUT',
    body,
    csrfToken,
  });

export type DecisionInput = {
  componentId: string;
  outcome: RecognitionOutcome;
  credits?: number;
  reason?: string;
  reusedFrom?: { key: string; lastDecidedAt: string };
};

export const recordDecision = (id: string, body: DecisionInput, csrfToken: Csrf) =>
  apiRequest<RecognitionView>(`/mobilities/${enc(id)}/recognition-decisions`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const getRecognisedCredits = (signal?: AbortSignal) =>
  apiRequest<RecognisedCredits>('/recognised-credits', { signal });

export const getCatalogue = (institutionId: string, signal?: AbortSignal) =>
  apiRequest<Catalogue>(`/institutions/${enc(institutionId)}/courses`, { signal });

export const createCourse = (
  institutionId: string,
  body: {
    code: string;
    title: LocalisedText;
    level: StudyLevel;
    credits: number;
    term?: string;
    language?: string;
    online: boolean;
  },
  csrfToken: Csrf,
) =>
  apiRequest<Course>(`/institutions/${enc(institutionId)}/courses`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const getJukebox = (allianceId: string, signal?: AbortSignal) =>
  apiRequest<JukeboxView>(`/alliances/${enc(allianceId)}/jukebox`, { signal });

export const enrolInJukebox = (allianceId: string, courseId: string, csrfToken: Csrf) =>
  apiRequest<JukeboxEnrolmentView>(
    `/alliances/${enc(allianceId)}/jukebox/${enc(courseId)}/enrolments`,
    { method: 'POST', csrfToken },
  );

export const listJukeboxEnrolments = (signal?: AbortSignal) =>
  apiRequest<{ items: JukeboxEnrolmentView[] }>('/jukebox-enrolments', { signal });

export const enterJukeboxResult = (
  id: string,
  body: { status: TranscriptEntry['status']; grade: string | null },
  csrfToken: Csrf,
) =>
  apiRequest<JukeboxEnrolmentView>(`/jukebox-enrolments/${enc(id)}/result`, {
    method: 'PUT',
    body,
    csrfToken,
  });

export const decideJukebox = (
  id: string,
  body: { outcome: RecognitionOutcome; credits?: number; reason?: string },
  csrfToken: Csrf,
) =>
  apiRequest<JukeboxEnrolmentView>(`/jukebox-enrolments/${enc(id)}/recognition`, {
    method: 'POST',
    body,
    csrfToken,
  });
