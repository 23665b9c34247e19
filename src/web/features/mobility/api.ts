/** The mobility area's API calls; every shape is the server's contract, inferred from mobility.schema.ts. */
import type { z } from 'zod';
import { apiRequest } from '../../api/client.ts';
import type { MobilityAction } from '../../../domain/mobility/mobility-workflow.ts';
import type {
  LaChange,
  LaComponent,
  LaParty,
} from '../../../domain/recognition/learning-agreement.ts';
import type {
  RecognitionOutcome,
  TranscriptEntry,
} from '../../../domain/recognition/recognition.ts';
import type { LocalizedText, StudyLevel } from '../../../domain/recognition/types.ts';
import type {
  CatalogueView,
  CourseView,
  InstitutionInfoView,
  InstitutionNameView,
  JukeboxEnrolmentListView,
  JukeboxEnrolmentView as JukeboxEnrolmentSchema,
  JukeboxView as JukeboxSchema,
  LaDiffView,
  LearningAgreementView as LearningAgreementSchema,
  MobilityDetailView,
  MobilityListView,
  NominationBody,
  NominationOptionsView,
  RecognisedCreditsView,
  RecognitionView as RecognitionSchema,
} from '../../../server/routes/mobility.schema.ts';

export type InstitutionName = z.infer<typeof InstitutionNameView>;
export type MobilityList = z.infer<typeof MobilityListView>;
export type MobilitySummary = MobilityList['items'][number];
export type MobilityDetail = z.infer<typeof MobilityDetailView>;
export type AllowedAction = MobilityDetail['allowedActions'][number];
export type NominationOptions = z.infer<typeof NominationOptionsView>;
export type Nomination = z.infer<typeof NominationBody>;

export type LearningAgreementView = z.infer<typeof LearningAgreementSchema>;
export type VersionView = LearningAgreementView['versions'][number];
export type ComponentView = VersionView['components'][number];
export type LaDiff = z.infer<typeof LaDiffView>;

export type InstitutionInfo = z.infer<typeof InstitutionInfoView>;
export type RecognitionView = z.infer<typeof RecognitionSchema>;

export type Course = z.infer<typeof CourseView>;
export type Catalogue = z.infer<typeof CatalogueView>;

export type JukeboxView = z.infer<typeof JukeboxSchema>;
export type JukeboxEnrolmentView = z.infer<typeof JukeboxEnrolmentSchema>;
export type JukeboxEnrolmentList = z.infer<typeof JukeboxEnrolmentListView>;

export type RecognisedCredits = z.infer<typeof RecognisedCreditsView>;

type Csrf = string | null;
const enc = encodeURIComponent;

/** A page of the list: searched by `q`, continuing after `cursor` (a previous nextCursor). */
export const listMobilities = (
  signal?: AbortSignal,
  page: { q?: string; cursor?: string | null } = {},
) => {
  const query = new URLSearchParams();
  if (page.q) query.set('q', page.q);
  if (page.cursor) query.set('cursor', page.cursor);
  const search = query.toString();
  return apiRequest<MobilityList>(`/mobilities${search ? `?${search}` : ''}`, { signal });
};

export const getMobility = (id: string, signal?: AbortSignal) =>
  apiRequest<MobilityDetail>(`/mobilities/${enc(id)}`, { signal });

export const makeTransition = (
  id: string,
  body: {
    action: MobilityAction;
    reason?: string;
    date?: string;
    expectedVersion?: number;
    /** R12 and the plan: record dates that raised warnings anyway, saying why. */
    override?: { reason: string };
  },
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
  apiRequest<LaDiff>(`/mobilities/${enc(id)}/learning-agreement/diff`, {
    query: { from, to },
    signal,
  });

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
  /** R7: credit a home course already credited to the student, saying why. */
  allowRepeat?: { reason: string };
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
    title: LocalizedText;
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
  apiRequest<JukeboxEnrolmentList>('/jukebox-enrolments', { signal });

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

/** What the direct-nomination form offers: the coordinator's students and the hosts. */
export const getNominationOptions = (signal?: AbortSignal) =>
  apiRequest<NominationOptions>('/nominations/options', { signal });

/** A home coordinator nominates a student directly (R2, R3, R9, R12 checked by the server). */
export const nominateStudent = (body: Nomination, csrfToken: Csrf) =>
  apiRequest<{ id: string }>('/mobilities', { method: 'POST', body, csrfToken });
