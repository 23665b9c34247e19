import { describe, expect, it } from 'vitest';
import { narrativeCompleteness, narrativeProblems, NARRATIVE_SECTIONS } from './narrative.ts';

const complete = {
  self_evaluation: 'Exchanges ran as planned.',
  quality_assurance: { ja: '相互評価を実施した。' },
  issues_and_measures: 'Housing in Moscow: a second residence was contracted.',
  plan: 'Twelve students each way next year.',
};

describe('narrativeProblems (R20)', () => {
  it('accepts four written sections, in any of the languages', () => {
    expect(narrativeProblems(complete)).toEqual([]);
    expect(narrativeCompleteness(complete)).toEqual({ written: 4, total: 4, missing: [] });
  });

  it('names each missing section, blank and whitespace-only texts included', () => {
    const problems = narrativeProblems({
      self_evaluation: '   ',
      quality_assurance: { en: '', fr: ' ' },
      plan: 'A plan.',
    });
    expect(problems).toEqual([
      {
        code: 'reports.section_missing',
        params: { section: 'self_evaluation' },
        rule: 'R20',
        field: 'narrative.self_evaluation',
      },
      {
        code: 'reports.section_missing',
        params: { section: 'quality_assurance' },
        rule: 'R20',
        field: 'narrative.quality_assurance',
      },
      {
        code: 'reports.section_missing',
        params: { section: 'issues_and_measures' },
        rule: 'R20',
        field: 'narrative.issues_and_measures',
      },
    ]);
  });

  it('an empty report misses every section', () => {
    expect(narrativeProblems({}).map((p) => p.params.section)).toEqual([...NARRATIVE_SECTIONS]);
    expect(narrativeCompleteness({ plan: null }).written).toBe(0);
  });
});
