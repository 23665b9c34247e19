import { describe, expect, it } from 'vitest';
import {
  buildJukeboxCatalogue,
  checkJukeboxEligibility,
  enrolInJukebox,
  isMember,
  jukeboxComponent,
  jukeboxSubject,
  jukeboxTranscriptEntry,
} from './course-jukebox.ts';
import type {
  Alliance,
  CatalogueCourse,
  JukeboxEntry,
  JukeboxOffer,
  JukeboxStudent,
} from './course-jukebox.ts';
import { decideRecognition, recognitionRate } from './recognition.ts';
import { defineRecognitionSystem } from './recognition-system.ts';
import type { GradeDistribution } from './grade-conversion.ts';

const TSUKUBA = 'tsukuba.ac.jp';
const UGA = 'univ-grenoble-alpes.fr';

/**
 * Source document 004: the CiC alliance, signed in 2017 with a dozen universities (three listed
 * here).
 */
const CIC: Alliance = {
  id: 'cic',
  name: { en: 'International Campus in Campus alliance' },
  members: [
    { institutionId: TSUKUBA, from: '2017-01-01', until: null },
    { institutionId: UGA, from: '2017-01-01', until: null },
    { institutionId: 'left.example.edu', from: '2017-01-01', until: '2022-03-31' },
  ],
};

const riskCourse: CatalogueCourse = {
  institutionId: UGA,
  ounitId: 'uga-risk-graduate-school',
  code: 'UGA-RISK-510',
  title: { en: 'Natural hazards and resilience', fr: 'Risques naturels et résilience' },
  level: 'master',
  credits: { value: 5, system: 'ects' },
  term: '2026/2027-1/2',
  languages: ['en'],
  online: true,
};
const onSite: CatalogueCourse = { ...riskCourse, code: 'UGA-LAB-520', online: false };
const offer = (over: Partial<JukeboxOffer> = {}): JukeboxOffer => ({
  id: 'o-1',
  allianceId: 'cic',
  institutionId: UGA,
  courseCode: 'UGA-RISK-510',
  term: '2026/2027-1/2',
  seats: 20,
  enrolmentOpens: '2026-07-01',
  enrolmentCloses: '2026-09-15',
  levels: [],
  ...over,
});

const student: JukeboxStudent = {
  id: 's-invented-1',
  homeInstitutionId: TSUKUBA,
  level: 'master',
  languages: ['ja', 'en-GB'],
};
const ctx = { on: '2026-08-01', enrolled: 3, alreadyEnrolled: false };
const entry: JukeboxEntry = { offer: offer(), course: riskCourse };

describe('Course Jukebox: the shared catalogue', () => {
  it('keeps online courses of current members, and says why others are left out', () => {
    const cat = buildJukeboxCatalogue(
      CIC,
      [riskCourse, onSite, { ...riskCourse, institutionId: 'left.example.edu' }],
      [
        offer(),
        offer({ id: 'o-2', courseCode: 'UGA-LAB-520' }),
        offer({ id: 'o-3', institutionId: 'left.example.edu' }),
        offer({ id: 'o-4', courseCode: 'NOPE' }),
        offer({ id: 'o-5', allianceId: 'other' }),
      ],
      '2026-08-01',
    );
    expect(cat.entries.map((e) => e.offer.id)).toEqual(['o-1']);
    expect(cat.excluded.map((x) => [x.offer.id, x.reason.code])).toEqual([
      ['o-2', 'recognition.jukebox_not_online'],
      ['o-3', 'recognition.jukebox_not_a_member'],
      ['o-4', 'recognition.jukebox_course_not_found'],
      ['o-5', 'recognition.jukebox_wrong_alliance'],
    ]);
  });

  it('membership is dated', () => {
    expect(isMember(CIC, 'left.example.edu', '2022-03-31')).toBe(true);
    expect(isMember(CIC, 'left.example.edu', '2022-04-01')).toBe(false);
    expect(isMember(CIC, TSUKUBA, '2016-12-31')).toBe(false);
  });
});

describe('Course Jukebox: eligibility', () => {
  it('a Tsukuba master student may enrol in a Grenoble online master course', () => {
    expect(checkJukeboxEligibility(student, entry, CIC, ctx)).toEqual({ eligible: true });
  });

  it('lists every reason a student may not enrol', () => {
    const r = checkJukeboxEligibility(
      {
        ...student,
        homeInstitutionId: 'outsider.example.edu',
        level: 'bachelor',
        languages: ['ja'],
      },
      { offer: offer({ seats: 3 }), course: riskCourse },
      CIC,
      { on: '2026-09-16', enrolled: 3, alreadyEnrolled: true },
    );
    expect(r.eligible).toBe(false);
    if (r.eligible) return;
    expect(r.reasons.map((x) => x.code)).toEqual([
      'recognition.jukebox_home_not_member',
      'recognition.jukebox_enrolment_closed',
      'recognition.jukebox_level',
      'recognition.jukebox_language',
      'recognition.jukebox_full',
      'recognition.jukebox_already_enrolled',
    ]);
  });

  it('a course of the student’s own university is not a Jukebox enrolment', () => {
    const r = checkJukeboxEligibility({ ...student, homeInstitutionId: UGA }, entry, CIC, ctx);
    expect(r).toMatchObject({
      eligible: false,
      reasons: [{ code: 'recognition.jukebox_own_institution' }],
    });
  });

  it('levels named by the offer widen the course’s own level', () => {
    const open = { offer: offer({ levels: ['bachelor', 'master'] }), course: riskCourse };
    expect(
      checkJukeboxEligibility({ ...student, level: 'bachelor' }, open, CIC, ctx).eligible,
    ).toBe(true);
    expect(enrolInJukebox('e-x', { ...student, level: 'doctor' }, open, CIC, ctx)).toMatchObject({
      ok: false,
      reasons: [{ code: 'recognition.jukebox_level' }],
    });
  });
});

describe('Course Jukebox: results flow into recognition', () => {
  it('R7: a Tsukuba student’s Grenoble online course ends as recognised credits at Tsukuba', () => {
    const e = enrolInJukebox('e-1', student, entry, CIC, ctx);
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    expect(e.enrolment).toMatchObject({ homeInstitutionId: TSUKUBA, hostInstitutionId: UGA });

    // No named home course: free elective credits, 5 ECTS → 3 単位 under the default policy.
    const component = jukeboxComponent(e.enrolment, riskCourse, { creditSystem: 'jp-tan-i' });
    expect(component.home).toMatchObject({ code: null, credits: { value: 3, system: 'jp-tan-i' } });

    const distribution: GradeDistribution = {
      scaleId: 'fr-20',
      reference: 'illustrative: UGA risk master, 2023–2025',
      rows: [
        { label: '17', count: 2 },
        { label: '16', count: 4 },
        { label: '15', count: 8 },
        { label: '14', count: 10 },
        { label: '13', count: 10 },
        { label: '12', count: 8 },
        { label: '11', count: 5 },
        { label: '10', count: 3 },
      ],
    };
    const transcript = jukeboxTranscriptEntry(e.enrolment, riskCourse, {
      status: 'passed',
      grade: '15.5',
      gradeScaleId: 'fr-20',
      distribution,
    });
    const cicSystem = defineRecognitionSystem({
      id: 'rs-cic',
      name: { en: 'CiC Course Jukebox recognition' },
      description: { en: 'Hours-based credits; EGRACONS grades.' },
      gradeScaleIds: ['fr-20', 'jp-sabcf'],
      consents: [TSUKUBA, UGA].map((institutionId) => ({
        institutionId,
        via: 'attached-consent' as const,
        documentRef: 'cic-jukebox-charter',
        agreedOn: '2017-06-01',
      })),
    });
    const d = decideRecognition({
      subject: jukeboxSubject(e.enrolment),
      component,
      homeInstitutionId: TSUKUBA,
      hostInstitutionId: UGA,
      system: cicSystem,
      transcript,
      outcome: 'full',
      homeGradeScaleId: 'jp-sabcf',
      homeDistribution: {
        scaleId: 'jp-sabcf',
        rows: [
          { label: 'S', percentage: 20 },
          { label: 'A', percentage: 35 },
          { label: 'B', percentage: 30 },
          { label: 'C', percentage: 15 },
        ],
      },
      decidedBy: 'u-tsukuba-coordinator',
      at: '2027-02-20T10:00:00+09:00',
    });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    // 15.5 → band 15: 12–28 % of passing grades at UGA (middle 20 %) → A (20–55 %) at Tsukuba.
    expect(d.value).toMatchObject({
      subject: { kind: 'jukebox-enrolment', id: 'e-1' },
      creditsRecognised: { value: 3, system: 'jp-tan-i' },
      grade: { host: '15.5', home: { grade: 'A', method: 'percentile' } },
    });
    expect(recognitionRate([d.value])).toMatchObject({ rate: 1, full: 1 });
  });

  it('a failed result gives no credits on the transcript line', () => {
    const e = enrolInJukebox('e-2', student, entry, CIC, ctx);
    if (!e.ok) throw new Error('not enrolled');
    const t = jukeboxTranscriptEntry(e.enrolment, riskCourse, {
      status: 'failed',
      grade: '7',
      gradeScaleId: 'fr-20',
    });
    expect(t).toMatchObject({
      componentId: 'e-2',
      hostCourseCode: 'UGA-RISK-510',
      credits: { value: 0 },
    });
    const named = jukeboxComponent(e.enrolment, riskCourse, {
      creditSystem: 'jp-tan-i',
      recognisedAs: { code: 'TSK-GS-RISK', title: { ja: 'リスク・レジリエンス特論' }, credits: 2 },
    });
    expect(named.home).toMatchObject({ code: 'TSK-GS-RISK', credits: { value: 2 } });
  });
});
