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
import { dossierDefinition, keepHeadingWithNext, officialText, renderDossier } from './render.ts';
import type { RegistryAgreementRecord } from '#src/domain/program/checks.ts';
import type { Content, Node } from 'pdfmake/interfaces.js';

const MEXT = {
  ja: '文部科学省',
  en: 'Ministry of Education, Culture, Sports, Science and Technology (MEXT)',
};
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Item 7 as the registry records it: signed in September, unlike the declared date (April). */
const REGISTRY: RegistryAgreementRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  status: 'active',
  version: 1,
  title: 'Agreement on student exchange between the consortia',
  validFrom: '2014-10-01',
  validTo: '2024-03-31',
  signedOn: '2014-09-25',
  signatures: [
    {
      party: 'A',
      partyName: { en: 'Japanese side', ja: '日本側' },
      signatory: 'Rector',
      signedOn: '2014-09-20',
    },
    {
      party: 'B',
      partyName: { en: 'Russian side', ja: 'ロシア側' },
      signatory: 'Rector',
      signedOn: '2014-09-25',
    },
  ],
  stipulatesScreening: true,
  stipulatesRecognition: true,
  tuitionWaiver: true,
};

const rendered: Record<'ja' | 'en', { pdf: Buffer; text: PdfText }> = {} as never;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  for (const lang of ['ja', 'en'] as const) {
    const pdf = await renderDossier(TOHOKU_JAPAN_RUSSIA, IEP, {
      lang,
      funderName: MEXT,
      agreement: REGISTRY,
    });
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

  it('R15: official text quotes no source-document markers', () => {
    // The demo's own texts carry none; officialText strips any an applicant writes.
    for (const lang of ['ja', 'en'] as const) {
      const all = rendered[lang].text.compact;
      expect(all).not.toMatch(/sourcedocument\d{3}|資料\d{3}/i);
    }
    expect(officialText('Board (source document 000) plans.')).toBe('Board plans.');
    expect(officialText('評議会（資料 000）が運営する。')).toBe('評議会が運営する。');
  });

  it('R15: the funder is named by its name, never by its domain', async () => {
    expect(rendered.ja.text.compact).toContain(MEXT.ja);
    expect(rendered.en.text.compact).toContain(squeeze(MEXT.en));
    for (const lang of ['ja', 'en'] as const) {
      expect(rendered[lang].text.compact).not.toContain(IEP.funderId);
    }
    const unnamed = extractPdfText(await renderDossier(TOHOKU_JAPAN_RUSSIA, IEP, { lang: 'ja' }));
    expect(unnamed.compact).not.toContain(IEP.funderId);
  });

  it('R16: the items a member consents to are named in Japanese', () => {
    const ja = rendered.ja.text.compact;
    expect(ja).toContain(squeeze('同意事項: 選考（第9項）、単位互換（第13項）'));
    expect(ja).not.toMatch(/screening|recognition/);
  });

  it('R15: the attachments are headed by document, kind, institution and language', () => {
    for (const lang of ['ja', 'en'] as const) {
      const L = LABELS[lang];
      const all = rendered[lang].text.compact;
      const at = all.lastIndexOf(squeeze(L.attachments));
      expect(at).toBeGreaterThan(0);
      expect(all.slice(at)).toContain(
        squeeze(['ID', L.attachmentTitle, L.kind, L.institution, L.language].join('')),
      );
    }
    expect(LABELS.ja.attachmentTitle).toBe('資料名');
  });

  it('R2: item 7 is dated as the agreement registry records it', () => {
    const ja = rendered.ja.text.compact;
    expect(ja).toContain('2014年9月25日'); // the registry's last signature
    expect(ja).toContain(squeeze('日本側：Rector（2014年9月20日署名）'));
    expect(ja).toContain(squeeze('2014年10月1日 – 2024年3月31日'));
    expect(TOHOKU_JAPAN_RUSSIA.outline.agreement.signedOn).toBe('2014-04-25');
    expect(ja).not.toContain('2014年4月25日'); // the declared date is not printed
    expect(rendered.en.text.compact).toContain(squeeze(REGISTRY.title));
  });

  it('R15: headings keep with what they head; table rows do not break across pages', () => {
    const def = dossierDefinition(TOHOKU_JAPAN_RUSSIA, IEP, { lang: 'ja' });
    const content = def.content as Content[];
    const headings = content.filter(
      (c): c is Content & { headlineLevel: number } =>
        typeof c === 'object' && c !== null && 'headlineLevel' in c,
    );
    expect(headings.length).toBeGreaterThanOrEqual(1 + 13 + 5);
    const tables = content.filter(
      (c): c is Content & { table: { dontBreakRows?: boolean } } =>
        typeof c === 'object' && c !== null && 'table' in c,
    );
    for (const t of tables) expect(t.table.dontBreakRows).toBe(true);
    const heading = (top: number) =>
      ({ headlineLevel: 2, startPosition: { top } }) as unknown as Node;
    const body = { text: 'x' } as unknown as Node;
    expect(keepHeadingWithNext(heading(300), () => [])).toBe(true); // last on its page
    expect(keepHeadingWithNext(heading(760), () => [body])).toBe(true); // at the page foot
    expect(keepHeadingWithNext(heading(300), () => [body])).toBe(false);
    expect(keepHeadingWithNext(body, () => [])).toBe(false);
    // A heading named to break starts a new page; the flow charts stay with their captions.
    const moved = dossierDefinition(
      TOHOKU_JAPAN_RUSSIA,
      IEP,
      { lang: 'ja' },
      new Set(['heading-3']),
    );
    expect(
      (moved.content as Content[]).find(
        (c) => typeof c === 'object' && c !== null && 'id' in c && c.id === 'heading-3',
      ),
    ).toMatchObject({ pageBreak: 'before' });
    for (const lang of ['ja', 'en'] as const) {
      const L = LABELS[lang];
      const page = rendered[lang].text.pages.find((p) =>
        squeeze(p.join('')).includes(squeeze(L.paymentFlow)),
      );
      expect(squeeze(page?.join('') ?? '')).toContain(squeeze(L.flow.funder));
    }
  });
});
