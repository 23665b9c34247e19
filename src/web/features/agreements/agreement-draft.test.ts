import { describe, expect, it } from 'vitest';
import type { AgreementContent } from '../../api/contract.ts';
import {
  contentFromDraft,
  directionIndexes,
  draftFromContent,
  emptyDraft,
  splitCodes,
} from './agreement-draft.ts';

const content: AgreementContent = {
  title: 'Student exchange',
  validFrom: '2025-04-01',
  validTo: '2030-03-31',
  clauses: { tuitionWaiver: true, commonScreening: false, commonRecognition: true },
  directions: [
    {
      from: 'B',
      levels: ['master'],
      fields: ['0533', '0541'],
      languages: [{ language: 'ja', cefr: 'A2' }],
      quotas: [{ academicYear: 2025, students: 3, months: 30 }],
    },
  ],
  balanceTolerance: { students: 1, months: 6 },
};

describe('agreement drafts', () => {
  it('round-trips content through the form draft', () => {
    expect(contentFromDraft(draftFromContent(content))).toEqual(content);
  });

  it('splits ISCED-F codes on commas and spaces', () => {
    expect(splitCodes(' 0533, 0541 ;0222  ')).toEqual(['0533', '0541', '0222']);
  });

  it('numbers the submitted directions as the server will name them in errors', () => {
    const draft = draftFromContent(content);
    expect(directionIndexes(draft)).toEqual({ A: null, B: 0 });
    expect(directionIndexes(emptyDraft())).toEqual({ A: 0, B: 1 });
  });

  it('sends empty numbers as null so that the server names the field', () => {
    const draft = emptyDraft();
    draft.directions.A.quotas.push({ key: 'q', academicYear: '2025', students: '', months: '4' });
    const json = JSON.parse(JSON.stringify(contentFromDraft(draft))) as AgreementContent;
    expect(json.directions[0]?.quotas[0]).toEqual({
      academicYear: 2025,
      students: null,
      months: 4,
    });
    expect(json.balanceTolerance).toBeUndefined();
  });
});
