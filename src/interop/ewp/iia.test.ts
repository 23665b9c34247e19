import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildIiasGetResponse,
  canonicalIia,
  checkIia,
  diffIias,
  iiaHash,
  iiaTextToHash,
  parseIiasGetResponse,
  validForApproval,
  type Iia,
} from './iia.ts';
import { ewpSpecsDir, validateEwp } from './schemas.ts';
import { checkXmlIntake } from './xml.ts';

const dir = ewpSpecsDir();
if (!dir)
  console.log('EWP specifications folder not found: the schema and example tests are skipped');
const read = (path: string) => readFileSync(join(dir!, path), 'utf8');

/** The text-to-hash the v7 specification gives for its hash-calculation example. */
const EXPECTED_TEXT =
  '_iia-id_1=0f7a5682-faf7-49a7-9cc7-ec486c49a281__iia-id_2=1954991__cooperation-conditions.student-studies-mobility-spec.sending-hei-id=uw.edu.pl__cooperation-conditions.student-studies-mobility-spec.sending-ounit-id=140__cooperation-conditions.student-studies-mobility-spec.receiving-hei-id=hibo.no__student-studies-mobility-spec.subject-area.isced-f-code=031__student-studies-mobility-spec.subject-area.isced-clarification=Social and behavioural sciences__cooperation-conditions.student-studies-mobility-spec.total-months-per-year=5__cooperation-conditions.student-studies-mobility-spec.blended=false__cooperation-conditions.student-studies-mobility-spec.eqf-level=7__cooperation-conditions.student-studies-mobility-spec.eqf-level=8__receiving-first-academic-year-id=2014/2015__receiving-last-academic-year-id=2020/2021__cooperation-conditions.staff-teacher-mobility-spec.sending-hei-id=uw.edu.pl__cooperation-conditions.staff-teacher-mobility-spec.sending-ounit-id=140__cooperation-conditions.staff-teacher-mobility-spec.receiving-hei-id=hibo.no__cooperation-conditions.staff-teacher-mobility-spec.mobilities-per-year=2__staff-teacher-mobility-spec.recommended-language-skill.language=en__staff-teacher-mobility-spec.recommended-language-skill.cefr-level=C1__staff-teacher-mobility-spec.subject-area.isced-f-code=0314__cooperation-conditions.staff-teacher-mobility-spec.total-days-per-year=8__receiving-first-academic-year-id=2016/2017__receiving-last-academic-year-id=2017/2018_';

const spec = (over: Partial<Iia['conditions'][number]> = {}): Iia['conditions'][number] => ({
  kind: 'student-studies',
  sendingHeiId: 'tsukuba.ac.jp',
  sendingContacts: [],
  receivingHeiId: 'univ-grenoble-alpes.fr',
  receivingContacts: [],
  firstAcademicYear: '2026/2027',
  lastAcademicYear: '2030/2031',
  mobilitiesPerYear: 2,
  languageSkills: [
    { language: 'fr', cefrLevel: 'B2' },
    { language: 'en', cefrLevel: 'B2' },
  ],
  subjectAreas: [{ iscedCode: '0533' }, { iscedCode: '0314' }],
  totalMonthsPerYear: 20,
  blended: false,
  eqfLevels: [7, 6],
  ...over,
});
const ours = (): Iia => ({
  partners: [
    { heiId: 'tsukuba.ac.jp', iiaId: 'a1', contacts: [] },
    { heiId: 'univ-grenoble-alpes.fr', contacts: [] },
  ],
  inEffect: true,
  conditions: [
    spec(),
    spec({ sendingHeiId: 'univ-grenoble-alpes.fr', receivingHeiId: 'tsukuba.ac.jp' }),
  ],
});

describe('IIA hash (IIAs API v7)', () => {
  it('is the SHA-256 of the text-to-hash', () => {
    expect(iiaHash(ours())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('equal conditions in a different list order give equal hashes once canonical', () => {
    const a = ours();
    const b = ours();
    b.conditions.reverse();
    for (const s of b.conditions) {
      s.languageSkills.reverse();
      s.subjectAreas.reverse();
      s.eqfLevels.reverse();
    }
    expect(iiaHash(a)).not.toBe(iiaHash(b));
    expect(iiaHash(canonicalIia(a))).toBe(iiaHash(canonicalIia(b)));
    expect(diffIias(a, b)).toEqual([]);
  });

  it('contacts do not change the hash; a quota does', () => {
    const a = ours();
    const b = ours();
    b.conditions[0]!.sendingContacts.push({ names: [{ text: 'X' }], emails: [] });
    expect(iiaHash(b)).toBe(iiaHash(a));
    b.conditions[0]!.mobilitiesPerYear = 3;
    expect(iiaHash(b)).not.toBe(iiaHash(a));
  });
});

describe('IIA side-by-side comparison', () => {
  it('names each differing field with both values', () => {
    const a = ours();
    const b = ours();
    b.conditions[1]!.mobilitiesPerYear = 4;
    b.conditions[0]!.languageSkills = [{ language: 'fr', cefrLevel: 'B1' }];
    b.partners[1].iiaId = 'p-77';
    expect(diffIias(a, b)).toEqual([
      { path: 'partner[univ-grenoble-alpes.fr].iia-id', ours: null, theirs: 'p-77' },
      {
        path: 'student-studies[tsukuba.ac.jp→univ-grenoble-alpes.fr].recommended-language-skill',
        ours: 'en B2, fr B2',
        theirs: 'fr B1',
      },
      {
        path: 'student-studies[univ-grenoble-alpes.fr→tsukuba.ac.jp].mobilities-per-year',
        ours: '2',
        theirs: '4',
      },
    ]);
  });
});

describe('IIA checks before export', () => {
  it('names a missing language requirement and a 3-digit ISCED code', () => {
    const a = ours();
    a.conditions[0]!.languageSkills = [];
    a.conditions[1]!.subjectAreas = [{ iscedCode: '031' }];
    expect(checkIia(a, 'Tsukuba–Grenoble')).toEqual([
      {
        code: 'ewp.missing_field',
        params: {
          field: 'student-studies-mobility-spec[1].recommended-language-skill',
          record: 'Tsukuba–Grenoble',
        },
      },
      {
        code: 'ewp.invalid_value',
        params: {
          field: 'student-studies-mobility-spec[2].subject-area.isced-f-code',
          record: 'Tsukuba–Grenoble',
          value: '031',
        },
      },
    ]);
  });

  it('passes a complete agreement', () => {
    expect(checkIia(ours(), 'x')).toEqual([]);
  });
});

describe.skipIf(!dir)('IIA XML against the official schema and examples', () => {
  it('reproduces the hash-calculation example of the specification', () => {
    const xml = read('iias/v7/examples/hash-calculation/get-response-v7.xml');
    const [iia] = parseIiasGetResponse(xml);
    expect(iiaTextToHash(iia!)).toBe(EXPECTED_TEXT);
    expect(iiaHash(iia!)).toBe('87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033');
    expect(iiaHash(iia!)).toBe(iia!.hash);
    expect(validForApproval(iia!)).toBe(false);
  });

  it('reproduces the hash of the get-response example', () => {
    const [iia] = parseIiasGetResponse(read('iias/v7/examples/get-response-example.xml'));
    expect(iiaHash(iia!)).toBe(iia!.hash);
    expect(validForApproval(iia!)).toBe(true);
  });

  it('an export validates against iias/v7/get-response.xsd', async () => {
    const xml = buildIiasGetResponse([canonicalIia(ours())]);
    expect(await validateEwp(xml, 'iias', dir!)).toEqual({ valid: true });
  });

  it.each([
    'iias/v7/examples/get-response-example.xml',
    'iias/v7/examples/hash-calculation/get-response-v7.xml',
  ])('%s round-trips: re-exported, it validates and keeps its content', async (path) => {
    const original = parseIiasGetResponse(read(path));
    const again = buildIiasGetResponse(original);
    expect(checkXmlIntake(again).ok).toBe(true);
    expect(await validateEwp(again, 'iias', dir!)).toEqual({ valid: true });
    expect(parseIiasGetResponse(again)).toEqual(original);
  });

  it('a 3-digit ISCED code is caught by the schema as well', async () => {
    const a = ours();
    a.conditions[0]!.subjectAreas = [{ iscedCode: '031' }];
    const verdict = await validateEwp(buildIiasGetResponse([a]), 'iias', dir!);
    expect(verdict.valid).toBe(false);
  });
});
