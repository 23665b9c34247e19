import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../dossier/pdf-text.ts';
import { renderCertificate } from './render.ts';

describe('certificate of attendance', () => {
  it('is an A4 PDF in the participant’s language, Japanese included', async () => {
    const pdf = await renderCertificate({
      language: 'ja',
      participant: '金沢 花子',
      event: 'ロシア・ウィーク2021',
      kind: 'シンポジウム',
      startsOn: '2021-09-29',
      endsOn: '2021-10-01',
      place: '金沢',
      organisers: ['金沢大学'],
      attendedOn: '2021-09-29',
      reference: 'r-1',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf);
    expect(text.mediaBoxes).toEqual([[0, 0, 595.28, 841.89]]);
    expect(text.compact).toContain('参加証明書');
    expect(text.compact).toContain('金沢花子');
  });
});
