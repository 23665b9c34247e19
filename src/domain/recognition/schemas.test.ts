import { describe, expect, it } from 'vitest';
import {
  GradeDistributionSchema,
  LaChangeSchema,
  LaComponentSchema,
  RecognitionDecisionRequestSchema,
  TranscriptEntrySchema,
} from './schemas.ts';

const component = {
  id: 'c1',
  host: { code: 'UGA-RISK-510', title: { en: 'Risk' }, credits: { value: 5, system: 'ects' } },
  home: { code: null, title: { ja: 'リスク' }, credits: { value: 3, system: 'jp-tan-i' } },
};

describe('recognition schemas', () => {
  it('accept a component and a change, refuse a title in no language', () => {
    expect(LaComponentSchema.parse(component)).toMatchObject({ id: 'c1' });
    expect(
      LaChangeSchema.safeParse({ kind: 'insert', component, reason: 'not-available' }).success,
    ).toBe(true);
    expect(
      LaComponentSchema.safeParse({ ...component, home: { ...component.home, title: {} } }).success,
    ).toBe(false);
    expect(
      LaComponentSchema.safeParse({
        ...component,
        host: { ...component.host, credits: { value: 5, system: 'us' } },
      }).success,
    ).toBe(false);
  });

  it('R7: a decision other than full carries a reason; a partial one its credits', () => {
    const p = (x: object) => RecognitionDecisionRequestSchema.safeParse(x).success;
    expect(p({ componentId: 'c1', outcome: 'full' })).toBe(true);
    expect(p({ componentId: 'c1', outcome: 'none' })).toBe(false);
    expect(p({ componentId: 'c1', outcome: 'none', reason: 'failed' })).toBe(true);
    expect(p({ componentId: 'c1', outcome: 'partial', reason: 'lab' })).toBe(false);
    expect(p({ componentId: 'c1', outcome: 'partial', reason: 'lab', credits: 1 })).toBe(true);
  });

  it('a distribution row has a percentage or a count; a transcript line its credits', () => {
    const d = (rows: object[]) =>
      GradeDistributionSchema.safeParse({ scaleId: 'fr-20', rows }).success;
    expect(d([{ label: '14', percentage: 20 }])).toBe(true);
    expect(d([{ label: '14' }])).toBe(false);
    expect(d([{ label: '14', percentage: 20, count: 3 }])).toBe(false);
    expect(
      TranscriptEntrySchema.safeParse({
        componentId: 'c1',
        hostCourseCode: 'X',
        status: 'passed',
        grade: '14',
        gradeScaleId: 'fr-20',
        credits: { value: 5, system: 'ects' },
      }).success,
    ).toBe(true);
  });
});
