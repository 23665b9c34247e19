import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConsentForRubric, type AgreementClause } from './consent.ts';
import { reviewerConflict } from './conflict.ts';
import { ScreeningError } from './errors.ts';
import {
  DEFAULT_GRADE_SCALES,
  findGradeScale,
  gradeScaleProblems,
  normalise,
} from './grade-scales.ts';
import { rankApplicants, type RankInput } from './rank.ts';
import { rubricProblems, type Rubric } from './rubric.ts';
import { scoreApplicant, type Review } from './score.ts';

const scale = (id: string) => findGradeScale(DEFAULT_GRADE_SCALES, id);

// An invented rubric of the JP–RU consortium pair.
const rubric: Rubric = {
  id: 'rubric-jp-east-ru-sib',
  agreementId: 'agr-jp-east-ru-sib',
  consortia: ['jp-east', 'ru-sib'],
  scoreScale: { min: 0, max: 10 },
  criteria: [
    { id: 'academic', label: 'Academic record', weight: 2, source: 'grade' },
    { id: 'motivation', label: 'Motivation and study plan', weight: 2, source: 'reviewer' },
    { id: 'language', label: 'Language readiness', weight: 1, source: 'reviewer' },
  ],
  gradeScales: [...DEFAULT_GRADE_SCALES],
  minReviewers: 2,
  passMark: 50,
};

const tohokuReviewer = { id: 'rev-tohoku', institutionIds: ['tohoku.ac.jp'] };
const nsuReviewer = { id: 'rev-nsu', institutionIds: ['nsu.ru'] };
const kanazawaReviewer = { id: 'rev-kanazawa', institutionIds: ['kanazawa-u.ac.jp'] };

describe('grade normalisation', () => {
  it('R6: converts the four scales to the common 0–100 scale and shows the conversion', () => {
    expect(normalise(3.2, scale('jp-gpa-4')).value).toBe(86.67);
    expect(normalise(1, scale('jp-gpa-4')).value).toBe(50);
    expect(normalise(4.3, scale('gpa-4.3')).value).toBe(100);
    expect(normalise(3.4, scale('gpa-4.3')).value).toBe(86.36);
    expect(normalise(4.5, scale('ru-5')).value).toBe(87.5);
    expect(normalise(3, scale('ru-5')).value).toBe(50);
    expect(normalise(2, scale('ru-5')).value).toBe(0);
    const fr = normalise(14, scale('fr-20'));
    expect(fr.value).toBe(76.67);
    expect(fr.explanation).toBe(
      'French grades 0–20: 14 → 76.67 (linear between 10 → 50 and 16 → 90: 50 + (14 − 10) × (90 − 50) / (16 − 10); ' +
        'note ≤ 10: 5 × note; 10–16: 50 + (note − 10) × 40 / 6; note ≥ 16: 90 + (note − 16) × 2.5)',
    );
    expect(normalise(18, scale('fr-20')).value).toBe(95);
  });

  it('R6: the lowest passing grade of every default scale is 50, the best 100', () => {
    for (const s of DEFAULT_GRADE_SCALES) {
      expect(gradeScaleProblems(s), s.id).toEqual([]);
      expect(normalise(s.passing, s).value, s.id).toBe(50);
      expect(normalise(s.max, s).value, s.id).toBe(100);
      expect(normalise(s.min, s).value, s.id).toBe(0);
    }
  });

  it('R6: refuses a grade outside its scale', () => {
    expect(() => normalise(4.1, scale('jp-gpa-4'))).toThrow(/outside Japanese GPA 0–4/);
    expect(() => normalise(1, scale('ru-5'))).toThrow(ScreeningError);
    expect(() => normalise(Number.NaN, scale('fr-20'))).toThrow(ScreeningError);
    expect(() => findGradeScale(DEFAULT_GRADE_SCALES, 'us-100')).toThrow(/no grade scale/);
  });

  it('R6: normalisation is monotone and stays within 0–100 on every scale (property)', () => {
    for (const s of DEFAULT_GRADE_SCALES) {
      const grade = fc.double({ min: s.min, max: s.max, noNaN: true });
      fc.assert(
        fc.property(grade, grade, (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const x = normalise(lo, s).value;
          const y = normalise(hi, s).value;
          return x <= y && x >= 0 && y <= 100;
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe('rubric and consent', () => {
  it('R6: a valid rubric has no problems; a broken one lists them', () => {
    expect(rubricProblems(rubric)).toEqual([]);
    const broken: Rubric = {
      ...rubric,
      consortia: ['jp-east', 'jp-east'],
      criteria: [
        { id: 'a', label: 'A', weight: 1, source: 'grade' },
        { id: 'a', label: 'B', weight: 1, source: 'grade' },
      ],
    };
    expect(rubricProblems(broken)).toEqual([
      'consortia: a rubric is shared by two different consortia',
      'criteria: duplicate id "a"',
      'criteria: at most one grade criterion',
    ]);
  });

  const members = ['tohoku.ac.jp', 'kanazawa-u.ac.jp', 'nsu.ru'];

  it('R16: the consent stipulated in the signed agreement allows the rubric', () => {
    const clauses: AgreementClause[] = [
      { kind: 'common_screening', form: 'agreement', signedOn: '2026-11-01', signedBy: [] },
    ];
    expect(checkConsentForRubric(clauses, members)).toEqual({
      ok: true,
      via: 'agreement',
      signedOn: '2026-11-01',
    });
  });

  it('R16: an attached consent must be signed by every member', () => {
    const partial: AgreementClause[] = [
      {
        kind: 'common_screening',
        form: 'attached_consent',
        signedOn: '2026-12-01',
        signedBy: ['tohoku.ac.jp', 'nsu.ru'],
      },
    ];
    expect(checkConsentForRubric(partial, members)).toMatchObject({
      ok: false,
      rule: 'R16',
      code: 'calls.screening_consent_incomplete',
      params: { missing: ['kanazawa-u.ac.jp'] },
    });
    const full = [{ ...partial[0]!, signedBy: members }];
    expect(checkConsentForRubric(full, members)).toMatchObject({
      ok: true,
      via: 'attached_consent',
    });
  });

  it('R16: without a screening consent, or with an unsigned one, the rubric is refused', () => {
    const recognitionOnly: AgreementClause[] = [
      { kind: 'common_recognition', form: 'agreement', signedOn: '2026-11-01', signedBy: [] },
    ];
    expect(checkConsentForRubric(recognitionOnly)).toMatchObject({
      ok: false,
      code: 'calls.screening_consent_missing',
    });
    expect(checkConsentForRubric(recognitionOnly)).toMatchObject({
      message: expect.stringMatching(/^the agreement has no consent/),
    });
    const draft: AgreementClause[] = [
      { kind: 'common_screening', form: 'agreement', signedOn: null, signedBy: [] },
    ];
    expect(checkConsentForRubric(draft)).toMatchObject({
      ok: false,
      code: 'calls.screening_consent_unsigned',
    });
  });
});

describe('scoring', () => {
  const taro = {
    id: 's-taro',
    homeInstitutionId: 'tohoku.ac.jp',
    grade: { value: 3.2, scaleId: 'jp-gpa-4' },
  };
  const reviews: Review[] = [
    { reviewer: nsuReviewer, scores: { motivation: 8, language: 6 } },
    { reviewer: kanazawaReviewer, scores: { motivation: 9, language: 7 } },
  ];

  it('R6: the common score is the weighted mean over criteria, averaged over reviewers', () => {
    const s = scoreApplicant(rubric, taro, reviews);
    // academic 86.67 (w 2), motivation mean 8.5 → 85 (w 2), language mean 6.5 → 65 (w 1).
    expect(s.score).toBe(81.67);
    expect(s.complete).toBe(true);
    expect(s.criteria.map((c) => [c.criterionId, c.value])).toEqual([
      ['academic', 86.67],
      ['motivation', 85],
      ['language', 65],
    ]);
    expect(s.explanation).toBe(
      '(2 × 86.67 (academic) + 2 × 85.00 (motivation) + 1 × 65.00 (language)) / 5 = 81.67',
    );
    expect(s.grade?.explanation).toContain('Japanese GPA 0–4: 3.2 → 86.67');
  });

  it('R6: a reviewer never scores an applicant from their own institution', () => {
    expect(reviewerConflict(tohokuReviewer, taro)).toMatchObject({
      rule: 'R6',
      code: 'calls.reviewer_own_institution',
      params: { institution: 'tohoku.ac.jp' },
      message: expect.stringMatching(/^reviewer rev-tohoku belongs to tohoku.ac.jp/),
    });
    expect(reviewerConflict(kanazawaReviewer, taro)).toBeNull();
    expect(() =>
      scoreApplicant(rubric, taro, [
        ...reviews,
        { reviewer: tohokuReviewer, scores: { motivation: 10, language: 10 } },
      ]),
    ).toThrow(expect.objectContaining({ code: 'reviewer_own_institution', rule: 'R6' }));
    const joint = { id: 'rev-joint', institutionIds: ['nsu.ru', 'tohoku.ac.jp'] };
    expect(reviewerConflict(joint, taro)).not.toBeNull();
  });

  it('R6: refuses missing, unknown, out-of-range and duplicate scores', () => {
    const one = (scores: Record<string, number>) => [{ reviewer: nsuReviewer, scores }];
    expect(() => scoreApplicant(rubric, taro, one({ motivation: 8 }))).toThrow(
      /did not score "language"/,
    );
    expect(() => scoreApplicant(rubric, taro, one({ motivation: 8, language: 11 }))).toThrow(
      /outside 0–10/,
    );
    expect(() =>
      scoreApplicant(rubric, taro, one({ motivation: 8, language: 5, academic: 3 })),
    ).toThrow(/no reviewer criterion "academic"/);
    expect(() => scoreApplicant(rubric, taro, [...reviews, reviews[0]!])).toThrow(/scored twice/);
    expect(() => scoreApplicant(rubric, { ...taro, grade: null }, reviews)).toThrow(/has no grade/);
  });

  it('R6: a score with fewer reviews than the rubric asks is incomplete', () => {
    const s = scoreApplicant(rubric, taro, reviews.slice(0, 1));
    expect(s.complete).toBe(false);
    expect(s.explanation).toMatch(/incomplete: 1 of 2 reviews$/);
  });

  it('R6: grades from different scales meet on the common scale', () => {
    const masha = {
      id: 's-masha',
      homeInstitutionId: 'nsu.ru',
      grade: { value: 4.6, scaleId: 'ru-5' },
    };
    const review = (r: typeof tohokuReviewer): Review => ({
      reviewer: r,
      scores: { motivation: 8.5, language: 6.5 },
    });
    const s = scoreApplicant(rubric, masha, [review(tohokuReviewer), review(kanazawaReviewer)]);
    expect(s.grade?.value).toBe(90);
    expect(s.score).toBe(83);
  });
});

describe('ranking', () => {
  const entry = (
    applicantId: string,
    score: number,
    normalisedGrade: number | null,
    submittedAt: string,
  ): RankInput => ({
    applicantId,
    score,
    normalisedGrade,
    submittedAt,
  });

  it('R6: ranks by common score and explains each tie-break', () => {
    const ranked = rankApplicants([
      entry('s-d', 70, 90, '2027-02-01T09:00:00+09:00'),
      entry('s-c', 81.67, 80, '2027-02-02T00:00:00Z'),
      entry('s-b', 81.67, 80, '2027-02-01T10:00:00+09:00'),
      entry('s-a', 81.67, 85, '2027-02-03T00:00:00Z'),
      entry('s-e', 81.67, 80, '2027-02-01T01:00:00Z'),
      entry('s-f', 90, null, '2027-02-05T00:00:00Z'),
    ]);
    expect(ranked.map((r) => [r.rank, r.scoreRank, r.applicantId])).toEqual([
      [1, 1, 's-f'],
      [2, 2, 's-a'],
      [3, 2, 's-b'],
      [4, 2, 's-e'],
      [5, 2, 's-c'],
      [6, 6, 's-d'],
    ]);
    expect(ranked[1]?.tiedWith).toEqual(['s-b', 's-e', 's-c']);
    expect(ranked[1]?.aheadOfNext).toEqual({
      applicantId: 's-b',
      decidedBy: 'normalised_grade',
      explanation: 'tied with s-b at 81.67; ahead on the normalised grade (85.00 > 80.00)',
    });
    // s-b submitted 2027-02-01T01:00Z, s-e at the same instant: decided by id.
    expect(ranked[2]?.aheadOfNext).toMatchObject({ applicantId: 's-e', decidedBy: 'id' });
    expect(ranked[3]?.aheadOfNext).toMatchObject({
      applicantId: 's-c',
      decidedBy: 'submitted_at',
      explanation:
        'tied with s-c at 81.67; ahead on the earlier submission (2027-02-01T01:00:00.000Z < 2027-02-02T00:00:00.000Z), grades being equal',
    });
    expect(ranked[4]?.aheadOfNext).toBeNull();
    expect(ranked[0]).toMatchObject({ tiedWith: [], aheadOfNext: null });
  });

  it('a submission time without an offset, or an applicant twice, is refused', () => {
    expect(() => rankApplicants([entry('s-a', 1, 1, '2027-02-01T09:00:00')])).toThrow(
      /with an offset/,
    );
    expect(() =>
      rankApplicants([
        entry('s-a', 1, 1, '2027-02-01T09:00:00Z'),
        entry('s-a', 2, 1, '2027-02-01T09:00:00Z'),
      ]),
    ).toThrow(/listed twice/);
  });

  it('R6: the rank list does not depend on the input order (property)', () => {
    const applicants = fc.uniqueArray(
      fc.record({
        applicantId: fc.stringMatching(/^s-[a-e]{1,3}$/),
        score: fc.constantFrom(50, 62.5, 62.5, 80, 100),
        normalisedGrade: fc.option(fc.constantFrom(40, 75, 90), { nil: null }),
        submittedAt: fc.constantFrom(
          '2027-02-01T00:00:00Z',
          '2027-02-01T09:00:00+09:00',
          '2027-02-02T12:30:00+03:00',
        ),
      }),
      { selector: (a) => a.applicantId, maxLength: 12 },
    );
    fc.assert(
      fc.property(applicants, fc.nat(), (list, k) => {
        const ranked = rankApplicants(list);
        const reversed = rankApplicants([...list].reverse());
        const cut = list.length === 0 ? 0 : k % list.length;
        const rotated = rankApplicants([...list.slice(cut), ...list.slice(0, cut)]);
        expect(reversed).toEqual(ranked);
        expect(rotated).toEqual(ranked);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        }
      }),
      { numRuns: 100 },
    );
  });
});
