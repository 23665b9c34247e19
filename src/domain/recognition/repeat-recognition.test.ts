import { describe, expect, it } from 'vitest';
import {
  alreadyRecognisedRefusal,
  creditsHomeCourse,
  earlierRecognitionOf,
  repeatAllowance,
  type EarlierRecognition,
} from './repeat-recognition.ts';
import { REFUSAL_CODES } from './refusal-codes.ts';

const earlier = (over: Partial<EarlierRecognition> = {}): EarlierRecognition => ({
  mobilityId: 'm-1',
  componentId: 'c1',
  hostInstitutionId: 'msu.ru',
  homeInstitutionId: 'tohoku.ac.jp',
  homeCourseCode: 'TOH-RU201',
  homeTitle: { en: 'Russian II' },
  outcome: 'full',
  creditsRecognised: { value: 3, system: 'jp-tan-i' },
  decidedAt: '2025-03-01T09:00:00.000Z',
  ...over,
});
const candidate = {
  homeInstitutionId: 'tohoku.ac.jp',
  homeCourseCode: 'TOH-RU201',
  outcome: 'full' as const,
};

describe('R7: one home course is recognised once per student', () => {
  it('R7: finds the earliest recognition of the same home course', () => {
    const later = earlier({ mobilityId: 'm-2', decidedAt: '2026-03-01T09:00:00.000Z' });
    expect(earlierRecognitionOf(candidate, [later, earlier()])?.mobilityId).toBe('m-1');
  });

  it('R7: another course, another home institution, or a decision that credited nothing does not count', () => {
    expect(
      earlierRecognitionOf(candidate, [
        earlier({ homeCourseCode: 'TOH-RU202' }),
        earlier({ homeInstitutionId: 'hokudai.ac.jp' }),
        earlier({ outcome: 'none', creditsRecognised: { value: 0, system: 'jp-tan-i' } }),
        earlier({ homeCourseCode: null }),
      ]),
    ).toBeNull();
  });

  it('R7: a decision that credits nothing, or free electives, is never refused', () => {
    expect(earlierRecognitionOf({ ...candidate, outcome: 'none' }, [earlier()])).toBeNull();
    expect(earlierRecognitionOf({ ...candidate, homeCourseCode: null }, [earlier()])).toBeNull();
    expect(creditsHomeCourse({ ...candidate, outcome: 'partial' })).toBe(true);
  });

  it('R7: the refusal names the earlier recognition: course, host, date and credits', () => {
    const r = alreadyRecognisedRefusal(earlier());
    expect(r).toEqual({
      code: 'recognition.home_course_already_recognised',
      rule: 'R7',
      field: 'body.componentId',
      params: {
        course: { en: 'Russian II' },
        code: 'TOH-RU201',
        host: 'msu.ru',
        date: '2025-03-01',
        credits: 3,
        system: 'jp-tan-i',
        mobilityId: 'm-1',
      },
    });
    expect(REFUSAL_CODES).toContain(r.code);
  });

  it('R7: an allowed repeat keeps the reason and which recognition it repeats', () => {
    expect(repeatAllowance('different content', earlier())).toEqual({
      reason: 'different content',
      earlier: {
        mobilityId: 'm-1',
        componentId: 'c1',
        decidedAt: '2025-03-01T09:00:00.000Z',
        credits: { value: 3, system: 'jp-tan-i' },
      },
    });
  });
});
