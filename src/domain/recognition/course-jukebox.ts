/**
 * Course Jukebox (source document 004): an alliance's shared portfolio of online courses drawn from
 * its members' catalogues. "The initiative aims to share research and education resources, to
 * expand student mobility … and to develop a portfolio of online courses (the so-called Course
 * Jukebox System)" — the International Campus in Campus (CiC) alliance of Tsukuba, Université
 * Grenoble Alpes and a dozen others (004).
 *
 * The model: each member publishes offers of its own online catalogue courses for a term; the
 * shared catalogue is the offers of members valid on a date; a student of another member may
 * enrol when eligible; the result becomes a transcript line and a component that goes through the
 * same recognition decision as a learning agreement (`recognition.ts`, R7).
 *
 * Catalogue courses follow EWP Courses (LOS/LOI): code, titles, level, credits in the
 * institution's system, term, language of instruction, online or not.
 */
import { convertCredits, DEFAULT_CREDIT_POLICY } from './credit-systems.ts';
import type { CreditConversionPolicy, CreditSystemId, Credits } from './credit-systems.ts';
import type { LaComponent } from './learning-agreement.ts';
import type { RecognitionSubject, TranscriptEntry } from './recognition.ts';
import { LANGUAGES } from '../shared/refusal.ts';
import { refuse } from './types.ts';
import type { LocalizedText, Refusal, StudyLevel } from './types.ts';

/** A course in an institution's catalogue (also the LA component picker's source). */
export type CatalogueCourse = {
  institutionId: string;
  /** Organisational unit (faculty, department), EWP `ounit-id`. */
  ounitId: string | null;
  code: string;
  title: LocalizedText;
  level: StudyLevel;
  credits: Credits;
  /** Academic term id, e.g. "2026/2027-1/2" in the institution's own calendar, as EWP has it. */
  term: string;
  /** Languages of instruction (BCP 47: "en", "fr", "ja"). */
  languages: readonly string[];
  online: boolean;
};

export type AllianceMembership = {
  institutionId: string;
  /** ISO dates; `until` null = still a member. */
  from: string;
  until: string | null;
};

export type Alliance = { id: string; name: LocalizedText; members: readonly AllianceMembership[] };

/** A member puts one of its online courses into the Jukebox for a term. */
export type JukeboxOffer = {
  id: string;
  allianceId: string;
  institutionId: string;
  courseCode: string;
  term: string;
  /** Seats for students of other members; null = no limit. */
  seats: number | null;
  /** ISO dates, inclusive. */
  enrolmentOpens: string;
  enrolmentCloses: string;
  /** Levels admitted; empty = the course's own level only. */
  levels: readonly StudyLevel[];
};

export type JukeboxEntry = { offer: JukeboxOffer; course: CatalogueCourse };

export type ExclusionCode =
  | 'recognition.jukebox_wrong_alliance'
  | 'recognition.jukebox_not_a_member'
  | 'recognition.jukebox_course_not_found'
  | 'recognition.jukebox_not_online';

/** Whether an institution is a member on a date (ISO). */
export function isMember(alliance: Alliance, institutionId: string, on: string): boolean {
  return alliance.members.some(
    (m) => m.institutionId === institutionId && m.from <= on && (m.until === null || on <= m.until),
  );
}

/**
 * The alliance's shared catalogue on a date: offers of members' online catalogue courses, with
 * the offers left out and why.
 */
export function buildJukeboxCatalogue(
  alliance: Alliance,
  catalogue: readonly CatalogueCourse[],
  offers: readonly JukeboxOffer[],
  on: string,
): {
  entries: JukeboxEntry[];
  excluded: { offer: JukeboxOffer; reason: Refusal<ExclusionCode> }[];
} {
  const entries: JukeboxEntry[] = [];
  const excluded: { offer: JukeboxOffer; reason: Refusal<ExclusionCode> }[] = [];
  for (const offer of offers) {
    const no = (code: ExclusionCode, message: string, params: Refusal['params'] = {}) =>
      excluded.push({ offer, reason: refuse(code, message, params) });
    if (offer.allianceId !== alliance.id) {
      no('recognition.jukebox_wrong_alliance', `offer ${offer.id} belongs to ${offer.allianceId}`);
      continue;
    }
    if (!isMember(alliance, offer.institutionId, on)) {
      no(
        'recognition.jukebox_not_a_member',
        `${offer.institutionId} is not a member of ${alliance.id} on ${on}`,
        { institution: offer.institutionId, on },
      );
      continue;
    }
    const course = catalogue.find(
      (c) =>
        c.institutionId === offer.institutionId &&
        c.code === offer.courseCode &&
        c.term === offer.term,
    );
    if (!course) {
      no(
        'recognition.jukebox_course_not_found',
        `${offer.institutionId} has no course ${offer.courseCode} in ${offer.term}`,
        { institution: offer.institutionId, course: offer.courseCode, term: offer.term },
      );
      continue;
    }
    if (!course.online) {
      no(
        'recognition.jukebox_not_online',
        `${course.code} is taught on site: the Jukebox shares online courses`,
        { course: course.title },
      );
      continue;
    }
    entries.push({ offer, course });
  }
  return { entries, excluded };
}

export type JukeboxStudent = {
  id: string;
  homeInstitutionId: string;
  level: StudyLevel;
  /** Languages the student can study in (BCP 47). */
  languages: readonly string[];
};

export type EligibilityCode =
  | 'recognition.jukebox_home_not_member'
  | 'recognition.jukebox_offering_not_member'
  | 'recognition.jukebox_own_institution'
  | 'recognition.jukebox_enrolment_closed'
  | 'recognition.jukebox_level'
  | 'recognition.jukebox_language'
  | 'recognition.jukebox_full'
  | 'recognition.jukebox_already_enrolled';

/** A language (BCP 47) by its name in each of the platform's languages, for messages. */
export function languageName(tag: string): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of LANGUAGES) {
    try {
      out[lang] = new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag;
    } catch {
      out[lang] = tag;
    }
  }
  return out;
}

export type JukeboxEligibility =
  { eligible: true } | { eligible: false; reasons: Refusal<EligibilityCode>[] };

/**
 * Source document 004: may a student of a member university enrol in a Jukebox course? Every reason
 * is listed, not only the first.
 */
export function checkJukeboxEligibility(
  student: JukeboxStudent,
  entry: JukeboxEntry,
  alliance: Alliance,
  ctx: { on: string; enrolled: number; alreadyEnrolled: boolean },
): JukeboxEligibility {
  const { offer, course } = entry;
  const reasons: Refusal<EligibilityCode>[] = [];
  const no = (code: EligibilityCode, message: string, params: Refusal['params'] = {}) =>
    reasons.push(refuse(code, message, params));
  if (!isMember(alliance, student.homeInstitutionId, ctx.on)) {
    no(
      'recognition.jukebox_home_not_member',
      `${student.homeInstitutionId} is not a member of ${alliance.id} on ${ctx.on}`,
      { home: student.homeInstitutionId, alliance: alliance.id, on: ctx.on },
    );
  }
  if (!isMember(alliance, offer.institutionId, ctx.on)) {
    no(
      'recognition.jukebox_offering_not_member',
      `${offer.institutionId} is no longer a member of ${alliance.id}`,
      { institution: offer.institutionId, alliance: alliance.id },
    );
  }
  if (student.homeInstitutionId === offer.institutionId) {
    no(
      'recognition.jukebox_own_institution',
      'a course of the student’s own university is taken through its own registration',
      { institution: offer.institutionId },
    );
  }
  if (ctx.on < offer.enrolmentOpens || ctx.on > offer.enrolmentCloses) {
    no(
      'recognition.jukebox_enrolment_closed',
      `enrolment is open from ${offer.enrolmentOpens} to ${offer.enrolmentCloses}`,
      { opens: offer.enrolmentOpens, closes: offer.enrolmentCloses },
    );
  }
  const levels = offer.levels.length > 0 ? offer.levels : [course.level];
  if (!levels.includes(student.level)) {
    no(
      'recognition.jukebox_level',
      `the course admits ${levels.join(', ')} students, not ${student.level}`,
      { level: student.level, levels: [...levels] },
    );
  }
  const speaks = (lang: string) =>
    student.languages.some(
      (l) => l.toLowerCase().split('-')[0] === lang.toLowerCase().split('-')[0],
    );
  if (course.languages.length > 0 && !course.languages.some(speaks)) {
    no('recognition.jukebox_language', `the course is taught in ${course.languages.join(', ')}`, {
      languages: course.languages.map(languageName),
    });
  }
  if (offer.seats !== null && ctx.enrolled >= offer.seats) {
    no('recognition.jukebox_full', `all ${offer.seats} seats are taken`, { count: offer.seats });
  }
  if (ctx.alreadyEnrolled) {
    no('recognition.jukebox_already_enrolled', 'the student is already enrolled');
  }
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}

export type JukeboxEnrolment = {
  id: string;
  offerId: string;
  allianceId: string;
  studentId: string;
  homeInstitutionId: string;
  hostInstitutionId: string;
  courseCode: string;
  term: string;
  /** ISO date. */
  enrolledOn: string;
};

/** Enrols an eligible student; the reasons otherwise. */
export function enrolInJukebox(
  id: string,
  student: JukeboxStudent,
  entry: JukeboxEntry,
  alliance: Alliance,
  ctx: { on: string; enrolled: number; alreadyEnrolled: boolean },
): { ok: true; enrolment: JukeboxEnrolment } | { ok: false; reasons: Refusal<EligibilityCode>[] } {
  const e = checkJukeboxEligibility(student, entry, alliance, ctx);
  if (!e.eligible) return { ok: false, reasons: e.reasons };
  return {
    ok: true,
    enrolment: {
      id,
      offerId: entry.offer.id,
      allianceId: alliance.id,
      studentId: student.id,
      homeInstitutionId: student.homeInstitutionId,
      hostInstitutionId: entry.offer.institutionId,
      courseCode: entry.course.code,
      term: entry.course.term,
      enrolledOn: ctx.on,
    },
  };
}

/**
 * R7: the Jukebox course as a recognition component: the host course with its credits, and what
 * it counts as at home — a named home course, or free elective credits (`code: null`) converted
 * from the host credits under the alliance's policy. The component id is the enrolment id.
 */
export function jukeboxComponent(
  enrolment: JukeboxEnrolment,
  course: CatalogueCourse,
  home: {
    creditSystem: CreditSystemId;
    recognisedAs?: { code: string; title: LocalizedText; credits: number } | undefined;
    policy?: CreditConversionPolicy | undefined;
  },
): LaComponent {
  const credits =
    home.recognisedAs?.credits ??
    convertCredits(
      course.credits.value,
      course.credits.system,
      home.creditSystem,
      home.policy ?? DEFAULT_CREDIT_POLICY,
    ).value;
  return {
    id: enrolment.id,
    host: {
      code: course.code,
      title: course.title,
      credits: course.credits,
      term: course.term,
      online: true,
    },
    home: {
      code: home.recognisedAs?.code ?? null,
      title: home.recognisedAs?.title ?? course.title,
      credits: { value: credits, system: home.creditSystem },
    },
  };
}

/** The subject of a Jukebox recognition decision. */
export function jukeboxSubject(enrolment: JukeboxEnrolment): RecognitionSubject {
  return { kind: 'jukebox-enrolment', id: enrolment.id };
}

/** The host's result for an enrolment, as a transcript line for `decideRecognition`. */
export function jukeboxTranscriptEntry(
  enrolment: JukeboxEnrolment,
  course: CatalogueCourse,
  result: Omit<TranscriptEntry, 'componentId' | 'hostCourseCode' | 'credits'> & {
    credits?: Credits | undefined;
  },
): TranscriptEntry {
  return {
    ...result,
    componentId: enrolment.id,
    hostCourseCode: course.code,
    credits:
      result.credits ??
      (result.status === 'passed' ? course.credits : { ...course.credits, value: 0 }),
  };
}
