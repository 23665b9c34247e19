/**
 * Every check and refusal of the programs area reads as a whole sentence in each language: no
 * unknown code, no placeholder or nested key left over, names picked in the reader's language.
 */
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyApplication } from '../../../domain/program/application.ts';
import { checkApplication, checkSubmission } from '../../../domain/program/checks.ts';
import { DRAFT_FAILING_R1, TOHOKU_JAPAN_RUSSIA } from '../../../db/seed/demo-applications.ts';
import {
  IEP_RUSSIA_INDIA_2014 as IEP,
  PILOT_PROGRAM_2003 as PILOT,
} from '../../../db/seed/demo-programs.ts';
import { REFUSAL_CODES } from '../../../domain/program/refusal-codes.ts';
import { LANGUAGES } from '../../../domain/shared/refusal.ts';
import { addFormatters } from '../../../i18n/format.ts';
import { withFeatures } from '../../i18n/resources.ts';
import en from '../../locales/en.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import ja from '../../locales/ja.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };

const MAIN = { en, fr, ja, ru };

async function translator(lng: (typeof LANGUAGES)[number]) {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { [lng]: { translation: withFeatures(lng, MAIN[lng]) } },
    interpolation: { escapeValue: false },
  });
  addFormatters(i18n);
  return i18n;
}

const everyCheck = [
  ...checkApplication(PILOT, DRAFT_FAILING_R1, { today: '2003-06-01' }),
  ...checkApplication(PILOT, emptyApplication('x', PILOT.id), { today: '2003-05-01' }),
  ...checkApplication(IEP, TOHOKU_JAPAN_RUSSIA, { today: '2014-05-01' }),
  // R2 against the registry, R1 against its memberships, R18 on the submission instant
  ...checkApplication(
    IEP,
    {
      ...TOHOKU_JAPAN_RUSSIA,
      outline: {
        ...TOHOKU_JAPAN_RUSSIA.outline,
        agreement: { ...TOHOKU_JAPAN_RUSSIA.outline.agreement, registryAgreementId: 'x' },
      },
    },
    {
      today: '2014-05-01',
      submittedAt: '2014-06-01T00:00:00Z',
      agreement: {
        id: 'x',
        status: 'active',
        parties: {
          A: { type: 'consortium', id: 'tohoku-jr-japan', name: { en: 'Japan', ja: '日本側' } },
          B: { type: 'consortium', id: 'other', name: { en: 'Other' } },
        },
        versions: [
          {
            version: 1,
            kind: 'draft',
            content: {
              title: 'Agreement',
              validFrom: '2014-10-01',
              validTo: '2015-03-31',
              clauses: { tuitionWaiver: false, commonScreening: true, commonRecognition: true },
              directions: [],
            },
            signatures: [{ party: 'A', signedOn: '2014-04-01', signatory: 'Rector' }],
          },
        ],
      },
      registryMembers: {
        home: {
          consortiumId: 'tohoku-jr-japan',
          institutionIds: [],
          representative: { id: 'other.ac.jp', name: { en: 'Other', ja: '他大学' } },
        },
      },
    },
  ),
  ...checkApplication(
    IEP,
    {
      ...TOHOKU_JAPAN_RUSSIA,
      attachments: TOHOKU_JAPAN_RUSSIA.attachments.map((a) => ({ ...a, sha256: 'ab' })),
    },
    { today: '2014-05-01', submittedAt: '2014-05-01T00:00:00Z' },
  ),
  ...checkSubmission(
    PILOT,
    { ...DRAFT_FAILING_R1, status: 'submitted' },
    { today: '2003-06-01', submitterUserId: 'someone' },
  ).refusals,
];

describe.each(LANGUAGES)('programs checks in %s', (lng) => {
  it('every check code is listed and reads as a sentence, and so does its fix', async () => {
    const i18n = await translator(lng);
    const listed = new Set<string>(REFUSAL_CODES);
    for (const c of everyCheck) {
      expect(listed.has(c.code), c.code).toBe(true);
      const key = `refusals.${c.code}`;
      expect(i18n.exists(key), key).toBe(true);
      const text = i18n.t(key, { ...c.params });
      expect(text, c.code).not.toMatch(/\{\{|\$t\(|undefined|\[object/);
      const fix = `programs.fixes.${c.code.replace(/^program\./, '')}`;
      if (!c.ok && i18n.exists(fix)) {
        expect(i18n.t(fix, { ...c.params }), fix).not.toMatch(/\{\{|\$t\(|undefined|\[object/);
      }
    }
  });
});

describe('plurals and names', () => {
  it('R1: the count agrees with its noun and the country is named', async () => {
    const check = everyCheck.find((c) => c.code === 'program.home_too_few')!;
    const say = async (lng: (typeof LANGUAGES)[number]) =>
      (await translator(lng)).t(`refusals.${check.code}`, { ...check.params });
    expect(await say('en')).toBe(
      'The Japanese consortium has 2 universities in Japan; the program requires at least 3.',
    );
    expect(await say('ru')).toContain('2 университета в стране «Япония»');
    expect(await say('ja')).toContain('日本の大学は2校');
    expect(await say('fr')).toContain('2 universités');
  });
  it('R15: a missing item is named by its title', async () => {
    const check = everyCheck.find((c) => c.code === 'program.item_missing')!;
    const i18n = await translator('en');
    expect(i18n.t(`refusals.${check.code}`, { ...check.params })).toBe(
      'Item 1 of §6(1) (Significance, objective and goal) is incomplete.',
    );
  });
});
