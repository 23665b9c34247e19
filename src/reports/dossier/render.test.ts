import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTLINE_ITEMS } from '#src/domain/program/application.ts';
import { DRAFT_FAILING_R1, TOHOKU_JAPAN_RUSSIA } from '#src/db/seed/demo-applications.ts';
import {
  IEP_RUSSIA_INDIA_2014 as IEP,
  PILOT_PROGRAM_2003 as PILOT,
} from '#src/db/seed/demo-programs.ts';
import { reviseProgramRules } from '#src/domain/program/rules.ts';
import { LABELS } from './labels.ts';
import type { PdfText } from './pdf-text.ts';
import { extractPdfText } from './pdf-text.ts';
import { renderDossier } from './render.ts';

const MEXT = {
  ja: '文部科学省',
  en: 'Ministry of Education, Culture, Sports, Science and Technology (MEXT)',
};
const squeeze = (s: string) => s.replace(/\s+/g, '');

const rendered: Record<'ja' | 'en', { pdf: Buffer; text: PdfText }> = {} as never;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  for (const lang of ['ja', 'en'] as const) {
    const pdf = await renderDossier(TOHOKU_JAPAN_RUSSIA, IEP, { lang, funderName: MEXT });
    writeFileSync(`test-results/dossier-demo-${lang}.pdf`, pdf);
    rendered[lang] = { pdf, text: extractPdfText(pdf) };
  }
}, 30_000);

describe('the application dossier (R15 — 003 §6)', () => {
  it('R15: every page is A4 (MediaBox 595.28 x 841.89), as 003 §6 asks', () => {
    for (const lang of ['ja', 'en'] as const) {
      const { pdf, text } = rendered[lang];
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(text.mediaBoxes.length).toBeGreaterThan(1);
      for (const box of text.mediaBoxes) expect(box).toEqual([0, 0, 595.28, 841.89]);
    }
  });

  it('R15: all 13 items of 003 §6(1) appear, numbered 1) … 13) in its order, then (2)–(5)', () => {
    for (const lang of ['ja', 'en'] as const) {
      const L = LABELS[lang];
      const all = rendered[lang].text.compact;
      const headings = [
        L.section1,
        ...OUTLINE_ITEMS.map((i) => `${i.no})${L.items[i.no] ?? ''}`),
        L.section2,
        `1)${L.liaison1}`,
        `2)${L.liaison2}`,
        `3)${L.liaison3}`,
        L.section3,
        `1)${L.plan1}`,
        `2)${L.plan2}`,
        L.section4,
        L.section5,
      ].map(squeeze);
      let from = 0;
      for (const h of headings) {
        const at = all.indexOf(h, from);
        expect(at, `${lang}: "${h}" after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + h.length;
      }
    }
  });

  it('R15: Japanese, Russian and Latin text is embedded and extracts back', () => {
    const ja = rendered.ja.text.compact;
    expect(ja).toContain(squeeze('日露の新時代を拓く革新的リーダーの創出'));
    expect(ja).toContain('東北大学');
    expect(ja).toContain(squeeze('日露大学間教育評議会'));
    expect(ja).toContain(squeeze('Новосибирский государственный университет'));
    expect(ja).toContain(squeeze('Дальневосточное отделение Российской академии наук'));
    const en = rendered.en.text.compact;
    expect(en).toContain(squeeze('Creation of innovative leaders for new Japan–Russia relations'));
    expect(en).toContain(squeeze('Russian-Japanese Inter-University Education Board'));
    expect(en).toContain(squeeze('Московский государственный университет имени М. В. Ломоносова'));
    expect(en).not.toContain('\uFFFD');
    const raw = rendered.ja.pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP/);
    expect(raw).toContain('/FontFile2');
  });

  it('R8: the payment flow chart goes funder → representative → members → students, with the host confirming enrolment (§6(2)2))', () => {
    for (const lang of ['ja', 'en'] as const) {
      const f = LABELS[lang].flow;
      const all = rendered[lang].text.compact;
      const chartAt = all.indexOf(squeeze(LABELS[lang].paymentFlow));
      expect(chartAt).toBeGreaterThan(0);
      let from = chartAt;
      for (const label of [
        f.funder,
        f.representative,
        f.members,
        f.students,
        f.host,
        f.step1,
        f.step2,
        f.step3,
        f.step4,
        f.step5,
      ]) {
        const at = all.indexOf(squeeze(label), from);
        expect(at, label).toBeGreaterThan(0);
        from = at;
      }
    }
  });

  it('R11: changing the stipend in the program changes every amount in the dossier', async () => {
    const before = rendered.ja.text.compact;
    expect(before).toContain('100,000円');
    expect(before).toContain('29,400,000'); // 294 student-months × 100,000 yen
    const richer = reviseProgramRules(IEP, (r) => ({
      ...r,
      stipend: { ...r.stipend, monthlyAmount: 120_000 },
    }));
    const after = extractPdfText(
      await renderDossier(TOHOKU_JAPAN_RUSSIA, richer, { lang: 'ja' }),
    ).compact;
    expect(after).toContain('120,000円');
    expect(after).toContain('35,280,000'); // 294 × 120,000
    expect(after).toContain('43,200,000円'); // the yearly cap, 360 × 120,000
    expect(after).not.toContain('100,000円');
    expect(after).not.toContain('29,400,000');
  });

  it('R15: a draft renders too, in English, under the pilot program of 2003', async () => {
    const text = extractPdfText(await renderDossier(DRAFT_FAILING_R1, PILOT, { lang: 'en' }));
    expect(text.compact).toContain(
      squeeze('Advanced Student Exchange Pilot Project Support Program'),
    );
    expect(text.compact).toContain(squeeze(LABELS.en.draftWatermark));
    for (const box of text.mediaBoxes) expect(box).toEqual([0, 0, 595.28, 841.89]);
  });
});
