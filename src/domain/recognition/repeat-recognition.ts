/**
 * R7 (003 §5(7)): credits earned abroad are recognised at home — once. One home course (home
 * institution + course code) is credited to a student at most once across all their mobilities,
 * unless the deciding coordinator records why it may be credited again (a course repeated with
 * different content, a course the home curriculum lets a student take twice).
 *
 * A decision that credits nothing (`none`) or credits free electives (no home course code) never
 * counts as a recognition of a course.
 *
 * Pure: the earlier recognitions of the student are passed in.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';
import type { Credits } from './credit-systems.ts';
import type { RecognitionDecision, RecognitionOutcome } from './recognition.ts';
import type { LocalizedText } from './types.ts';

/** A decision of the same student, with where it was taken. */
export type EarlierRecognition = {
  mobilityId: string;
  componentId: string;
  hostInstitutionId: string;
  homeInstitutionId: string;
  homeCourseCode: string | null;
  homeTitle: LocalizedText;
  outcome: RecognitionOutcome;
  creditsRecognised: Credits;
  decidedAt: string;
};

/** The course a decision would credit. */
export type CreditedCourse = Pick<
  RecognitionDecision,
  'homeInstitutionId' | 'homeCourseCode' | 'outcome'
>;

/** A decision credits a named home course: not `none`, and not free elective credits. */
export function creditsHomeCourse(
  d: CreditedCourse,
): d is CreditedCourse & { homeCourseCode: string } {
  return d.outcome !== 'none' && d.homeCourseCode !== null && d.homeCourseCode !== '';
}

/** The earliest recognition of the same home course, or null when the course is credited first. */
export function earlierRecognitionOf(
  candidate: CreditedCourse,
  earlier: readonly EarlierRecognition[],
): EarlierRecognition | null {
  if (!creditsHomeCourse(candidate)) return null;
  const same = earlier
    .filter(
      (e) =>
        creditsHomeCourse(e) &&
        e.homeInstitutionId === candidate.homeInstitutionId &&
        e.homeCourseCode === candidate.homeCourseCode,
    )
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  return same[0] ?? null;
}

/**
 * The refusal naming the earlier recognition: the course, where (the host of that mobility) and
 * when it was credited, and with how many credits. `mobilityId` lets a reader open it.
 */
export function alreadyRecognisedRefusal(e: EarlierRecognition): Refusal {
  return refusal(
    'recognition.home_course_already_recognised',
    {
      course: e.homeTitle,
      code: e.homeCourseCode,
      host: e.hostInstitutionId,
      date: e.decidedAt.slice(0, 10),
      credits: e.creditsRecognised.value,
      system: e.creditsRecognised.system,
      mobilityId: e.mobilityId,
    },
    { rule: 'R7', field: 'body.componentId' },
  );
}

/** What a decision keeps when the coordinator allowed the course to be credited again. */
export type RepeatAllowance = {
  reason: string;
  earlier: { mobilityId: string; componentId: string; decidedAt: string; credits: Credits };
};

export function repeatAllowance(reason: string, e: EarlierRecognition): RepeatAllowance {
  return {
    reason,
    earlier: {
      mobilityId: e.mobilityId,
      componentId: e.componentId,
      decidedAt: e.decidedAt,
      credits: e.creditsRecognised,
    },
  };
}
