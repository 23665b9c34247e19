/**
 * Inter-institutional agreements as EWP IIAs API v7 get-responses: the plain data, the XML both
 * ways, the checks made before a file is produced, the `iia-hash` as the v7 specification
 * computes it, and a field-by-field comparison of two copies of one agreement.
 */
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Refusal } from '../../domain/shared/refusal.ts';
import {
  ACADEMIC_YEAR,
  ASCII_ID,
  CEFR_LEVEL,
  Checks,
  ISCED_F,
  NS,
  attr,
  bool,
  child,
  compact,
  leaf,
  list,
  num,
  readContact,
  text,
  texts,
  writeContact,
  type EwpContact,
} from './common.ts';
import { parseXml } from './xml.ts';

export const SPEC_KINDS = [
  'student-studies',
  'student-traineeship',
  'staff-teacher',
  'staff-training',
] as const;
export type SpecKind = (typeof SPEC_KINDS)[number];
const isStudent = (k: SpecKind) => k.startsWith('student');

export type SubjectArea = { iscedCode: string; v6Value?: string; clarification?: string };
export type RecommendedSkill = {
  language: string;
  cefrLevel?: string;
  subjectArea?: SubjectArea;
  notYetDefined?: boolean;
};

/** One unidirectional cooperation condition (`*-mobility-spec`). */
export type MobilitySpec = {
  kind: SpecKind;
  sendingHeiId: string;
  sendingOunitId?: string;
  sendingContacts: EwpContact[];
  receivingHeiId: string;
  receivingOunitId?: string;
  receivingContacts: EwpContact[];
  /** `YYYY/YYYY`, in the receiving partner's academic-year scheme. */
  firstAcademicYear: string;
  lastAcademicYear: string;
  mobilitiesPerYear: number;
  mobilitiesPerYearNotYetDefined?: boolean;
  languageSkills: RecommendedSkill[];
  subjectAreas: SubjectArea[];
  otherInfoTerms?: string;
  /** Student specs only. */
  totalMonthsPerYear?: number;
  blended?: boolean;
  eqfLevels: number[];
  /** Staff specs only. */
  totalDaysPerYear?: number;
};

export type IiaPartner = {
  heiId: string;
  ounitId?: string;
  iiaId?: string;
  iiaCode?: string;
  signingContact?: EwpContact;
  signingDate?: string;
  contacts: EwpContact[];
};

export type Iia = {
  partners: [IiaPartner, IiaPartner];
  inEffect: boolean;
  terminatedAsAWhole?: boolean;
  conditions: MobilitySpec[];
  /** As given in a document; an export computes it. */
  hash?: string;
  pdfFile?: string;
};

// --- the hash (IIAs API v7) ----------------------------------------------------------------------

/**
 * The `text-to-hash` of the v7 XSLT: both partners' `iia-id`s with their positions, then for each
 * cooperation condition, in document order, every leaf as `_<grandparent>.<parent>.<name>=<value>_`
 * — contacts and elements flagged `not-yet-defined` left out, an ISCED code with a `v6-value`
 * written as that value — and the receiving academic years moved to the end of the condition.
 */
export function iiaTextToHash(iia: Pick<Iia, 'partners' | 'conditions'>): string {
  const out: string[] = [];
  iia.partners.forEach((p, i) => {
    if (p.iiaId !== undefined) out.push(`_iia-id_${i + 1}=${p.iiaId}_`);
  });
  const put = (path: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) out.push(`_${path}=${String(value)}_`);
  };
  const area = (prefix: string, a: SubjectArea) => {
    put(`${prefix}.subject-area.isced-f-code`, a.v6Value ?? a.iscedCode);
    put(`${prefix}.subject-area.isced-clarification`, a.clarification);
  };
  for (const s of orderedByKind(iia.conditions)) {
    const spec = `${s.kind}-mobility-spec`;
    const top = `cooperation-conditions.${spec}`;
    put(`${top}.sending-hei-id`, s.sendingHeiId);
    put(`${top}.sending-ounit-id`, s.sendingOunitId);
    put(`${top}.receiving-hei-id`, s.receivingHeiId);
    put(`${top}.receiving-ounit-id`, s.receivingOunitId);
    if (!s.mobilitiesPerYearNotYetDefined) put(`${top}.mobilities-per-year`, s.mobilitiesPerYear);
    for (const l of s.languageSkills) {
      if (l.notYetDefined) continue;
      put(`${spec}.recommended-language-skill.language`, l.language);
      put(`${spec}.recommended-language-skill.cefr-level`, l.cefrLevel);
      if (l.subjectArea) {
        put(
          'recommended-language-skill.subject-area.isced-f-code',
          l.subjectArea.v6Value ?? l.subjectArea.iscedCode,
        );
        put(
          'recommended-language-skill.subject-area.isced-clarification',
          l.subjectArea.clarification,
        );
      }
    }
    for (const a of s.subjectAreas) area(spec, a);
    put(`${top}.other-info-terms`, s.otherInfoTerms);
    put(`${top}.total-months-per-year`, s.totalMonthsPerYear);
    put(`${top}.blended`, s.blended);
    for (const q of s.eqfLevels) put(`${top}.eqf-level`, q);
    put(`${top}.total-days-per-year`, s.totalDaysPerYear);
    put('receiving-first-academic-year-id', s.firstAcademicYear);
    put('receiving-last-academic-year-id', s.lastAcademicYear);
  }
  return out.join('');
}

/** `iia-hash`: SHA-256 (hex) of the UTF-8 text-to-hash. */
export function iiaHash(iia: Pick<Iia, 'partners' | 'conditions'>): string {
  return createHash('sha256').update(iiaTextToHash(iia), 'utf8').digest('hex');
}

/**
 * Whether the agreement may be approved as it stands: v7 marks an IIA carrying `not-yet-defined`
 * or `v6-value` attributes as not valid for approval.
 */
export function validForApproval(iia: Iia): boolean {
  return iia.conditions.every(
    (s) =>
      !s.mobilitiesPerYearNotYetDefined &&
      s.languageSkills.every((l) => !l.notYetDefined && !l.subjectArea?.v6Value) &&
      s.subjectAreas.every((a) => a.v6Value === undefined),
  );
}

const cmp = (a: string | number | undefined, b: string | number | undefined): number =>
  String(a ?? '').localeCompare(String(b ?? ''), 'en');

/** The schema's order of the kinds (all student-studies specs first, …), stable within a kind. */
function orderedByKind(specs: readonly MobilitySpec[]): MobilitySpec[] {
  return SPEC_KINDS.flatMap((k) => specs.filter((s) => s.kind === k));
}

/**
 * The canonical order of a copy's lists, so that equal conditions written in a different order
 * give equal hashes: conditions by kind, sending and receiving side and years; language skills,
 * subject areas and EQF levels sorted.
 */
export function canonicalIia(iia: Iia): Iia {
  const areaKey = (a: SubjectArea) => `${a.iscedCode}|${a.clarification ?? ''}`;
  const conditions = iia.conditions
    .map((s) => ({
      ...s,
      languageSkills: [...s.languageSkills].sort(
        (a, b) => cmp(a.language, b.language) || cmp(a.cefrLevel, b.cefrLevel),
      ),
      subjectAreas: [...s.subjectAreas].sort((a, b) => cmp(areaKey(a), areaKey(b))),
      eqfLevels: [...new Set(s.eqfLevels)].sort((a, b) => a - b),
    }))
    .sort(
      (a, b) =>
        SPEC_KINDS.indexOf(a.kind) - SPEC_KINDS.indexOf(b.kind) ||
        cmp(a.sendingHeiId, b.sendingHeiId) ||
        cmp(a.sendingOunitId, b.sendingOunitId) ||
        cmp(a.receivingHeiId, b.receivingHeiId) ||
        cmp(a.receivingOunitId, b.receivingOunitId) ||
        cmp(a.firstAcademicYear, b.firstAcademicYear) ||
        cmp(a.lastAcademicYear, b.lastAcademicYear),
    );
  return { ...iia, conditions };
}

// --- comparing two copies ----------------------------------------------------------------------

export type FieldDifference = { path: string; ours: string | null; theirs: string | null };

/** A copy's fields by path; conditions keyed by kind and direction, lists as sorted values. */
function fieldsOf(iia: Iia): Map<string, string> {
  const m = new Map<string, string>();
  const set = (k: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) {
      if (v.length) m.set(k, v.map(String).sort().join(', '));
    } else m.set(k, String(v));
  };
  for (const p of iia.partners) {
    const k = `partner[${p.heiId}]`;
    set(`${k}.ounit-id`, p.ounitId);
    set(`${k}.iia-id`, p.iiaId);
    set(`${k}.iia-code`, p.iiaCode);
    set(`${k}.signing-contact`, p.signingContact?.names.map((n) => n.text).join(' / '));
    set(`${k}.signing-date`, p.signingDate);
  }
  set('in-effect', iia.inEffect);
  set('terminated-as-a-whole', iia.terminatedAsAWhole);
  const seen = new Map<string, number>();
  for (const s of canonicalIia(iia).conditions) {
    const base = `${s.kind}[${s.sendingHeiId}→${s.receivingHeiId}]`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const k = n === 1 ? base : `${base}#${n}`;
    set(`${k}.sending-ounit-id`, s.sendingOunitId);
    set(`${k}.receiving-ounit-id`, s.receivingOunitId);
    set(`${k}.academic-years`, `${s.firstAcademicYear}–${s.lastAcademicYear}`);
    set(`${k}.mobilities-per-year`, s.mobilitiesPerYear);
    set(
      `${k}.recommended-language-skill`,
      s.languageSkills.map((l) => `${l.language}${l.cefrLevel ? ' ' + l.cefrLevel : ''}`),
    );
    set(
      `${k}.subject-area`,
      s.subjectAreas.map((a) => a.iscedCode + (a.clarification ? ` (${a.clarification})` : '')),
    );
    set(`${k}.other-info-terms`, s.otherInfoTerms);
    set(`${k}.total-months-per-year`, s.totalMonthsPerYear);
    set(`${k}.blended`, s.blended);
    set(`${k}.eqf-level`, s.eqfLevels);
    set(`${k}.total-days-per-year`, s.totalDaysPerYear);
  }
  return m;
}

/**
 * Our copy and a partner's side by side: every field that differs, by path (conditions named by
 * kind and direction, so that list order never shows as a difference).
 */
export function diffIias(ours: Iia, theirs: Iia): FieldDifference[] {
  const a = fieldsOf(ours);
  const b = fieldsOf(theirs);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((path) => ({ path, ours: a.get(path) ?? null, theirs: b.get(path) ?? null }));
}

// --- checks before producing a file ------------------------------------------------------------

/** What the specification makes mandatory, checked before a file is produced. */
export function checkIia(iia: Iia, record: string): Refusal[] {
  const c = new Checks(record);
  iia.partners.forEach((p, i) => {
    c.need(`partner[${i + 1}].hei-id`, p.heiId);
    c.form(`partner[${i + 1}].iia-id`, p.iiaId, ASCII_ID);
    if (p.signingContact)
      c.need(`partner[${i + 1}].signing-contact.contact-name`, p.signingContact.names);
    p.contacts.forEach((x, j) =>
      c.need(`partner[${i + 1}].contact[${j + 1}].contact-name`, x.names),
    );
  });
  iia.conditions.forEach((s, i) => {
    const k = `${s.kind}-mobility-spec[${i + 1}]`;
    c.need(`${k}.sending-hei-id`, s.sendingHeiId);
    c.need(`${k}.receiving-hei-id`, s.receivingHeiId);
    if (c.need(`${k}.receiving-first-academic-year-id`, s.firstAcademicYear)) {
      c.form(`${k}.receiving-first-academic-year-id`, s.firstAcademicYear, ACADEMIC_YEAR);
    }
    if (c.need(`${k}.receiving-last-academic-year-id`, s.lastAcademicYear)) {
      c.form(`${k}.receiving-last-academic-year-id`, s.lastAcademicYear, ACADEMIC_YEAR);
    }
    if (!(s.mobilitiesPerYear >= 1) || !Number.isInteger(s.mobilitiesPerYear)) {
      c.need(`${k}.mobilities-per-year`, undefined);
    }
    if (s.kind === 'student-studies' || s.kind === 'staff-teacher') {
      c.need(`${k}.recommended-language-skill`, s.languageSkills);
    }
    for (const l of s.languageSkills) {
      c.form(
        `${k}.recommended-language-skill.language`,
        l.language,
        /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/,
      );
      c.form(`${k}.recommended-language-skill.cefr-level`, l.cefrLevel, CEFR_LEVEL);
    }
    for (const a of s.subjectAreas) c.form(`${k}.subject-area.isced-f-code`, a.iscedCode, ISCED_F);
    if (isStudent(s.kind)) c.need(`${k}.blended`, s.blended);
    for (const q of s.eqfLevels) c.form(`${k}.eqf-level`, q, /^[1-8]$/);
    if (s.totalMonthsPerYear !== undefined && !(s.totalMonthsPerYear > 0)) {
      c.form(`${k}.total-months-per-year`, s.totalMonthsPerYear, /^$/);
    }
  });
  return c.refusals;
}

// --- XML ---------------------------------------------------------------------------------------

function writeSubjectArea(parent: XMLBuilder, a: SubjectArea) {
  const e = parent.ele('subject-area');
  const code = e.ele('isced-f-code');
  if (a.v6Value !== undefined) code.att('v6-value', a.v6Value);
  code.txt(a.iscedCode);
  leaf(e, 'isced-clarification', a.clarification);
}

/** Two decimals at most, as the schema's `fractionDigits` allows. */
const decimal = (n: number | undefined) =>
  n === undefined ? undefined : String(Math.round(n * 100) / 100);

function writeIia(root: XMLBuilder, iia: Iia) {
  const e = root.ele('iia');
  for (const p of iia.partners) {
    const pe = e.ele('partner');
    leaf(pe, 'hei-id', p.heiId);
    leaf(pe, 'ounit-id', p.ounitId);
    leaf(pe, 'iia-id', p.iiaId);
    leaf(pe, 'iia-code', p.iiaCode);
    if (p.signingContact) writeContact(pe.ele('signing-contact'), p.signingContact);
    leaf(pe, 'signing-date', p.signingDate);
    for (const x of p.contacts) writeContact(pe.ele('c:contact'), x);
  }
  leaf(e, 'in-effect', iia.inEffect);
  const cc = e.ele('cooperation-conditions');
  if (iia.terminatedAsAWhole !== undefined) {
    cc.att('terminated-as-a-whole', String(iia.terminatedAsAWhole));
  }
  for (const s of orderedByKind(iia.conditions)) {
    const se = cc.ele(`${s.kind}-mobility-spec`);
    leaf(se, 'sending-hei-id', s.sendingHeiId);
    leaf(se, 'sending-ounit-id', s.sendingOunitId);
    for (const x of s.sendingContacts) writeContact(se.ele('sending-contact'), x);
    leaf(se, 'receiving-hei-id', s.receivingHeiId);
    leaf(se, 'receiving-ounit-id', s.receivingOunitId);
    for (const x of s.receivingContacts) writeContact(se.ele('receiving-contact'), x);
    leaf(se, 'receiving-first-academic-year-id', s.firstAcademicYear);
    leaf(se, 'receiving-last-academic-year-id', s.lastAcademicYear);
    const m = se.ele('mobilities-per-year');
    if (s.mobilitiesPerYearNotYetDefined) m.att('not-yet-defined', 'true');
    m.txt(String(s.mobilitiesPerYear));
    for (const l of s.languageSkills) {
      const le = se.ele('recommended-language-skill');
      if (l.notYetDefined) le.att('not-yet-defined', 'true');
      leaf(le, 'language', l.language);
      leaf(le, 'cefr-level', l.cefrLevel);
      if (l.subjectArea) writeSubjectArea(le, l.subjectArea);
    }
    for (const a of s.subjectAreas) writeSubjectArea(se, a);
    leaf(se, 'other-info-terms', s.otherInfoTerms);
    if (isStudent(s.kind)) {
      leaf(se, 'total-months-per-year', decimal(s.totalMonthsPerYear));
      leaf(se, 'blended', s.blended ?? false);
      for (const q of s.eqfLevels) leaf(se, 'eqf-level', q);
    } else {
      leaf(se, 'total-days-per-year', decimal(s.totalDaysPerYear));
    }
  }
  leaf(e, 'iia-hash', iia.hash ?? iiaHash(iia));
  leaf(e, 'pdf-file', iia.pdfFile);
}

/** An IIAs v7 get-response holding the given agreements (each hashed unless it carries a hash). */
export function buildIiasGetResponse(iias: readonly Iia[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.iias, 'iias-get-response', {
    'xmlns:c': NS.contact,
    'xmlns:p': NS.phone,
  });
  for (const iia of iias) writeIia(root, iia);
  return root.end({ prettyPrint: true });
}

const ARRAYS = new Set([
  'iia',
  'partner',
  'contact',
  'contact-name',
  'email',
  'sending-contact',
  'receiving-contact',
  'student-studies-mobility-spec',
  'student-traineeship-mobility-spec',
  'staff-teacher-mobility-spec',
  'staff-training-mobility-spec',
  'recommended-language-skill',
  'subject-area',
  'eqf-level',
]);

function readSubjectArea(n: XmlNode): SubjectArea {
  const code = child(n, 'isced-f-code');
  return compact({
    iscedCode: text(code) ?? '',
    v6Value: attr(code, 'v6-value'),
    clarification: text(n, 'isced-clarification'),
  });
}
type XmlNode = Record<string, unknown>;

function readSpec(kind: SpecKind, n: XmlNode): MobilitySpec {
  const m = child(n, 'mobilities-per-year');
  return compact({
    kind,
    sendingHeiId: text(n, 'sending-hei-id') ?? '',
    sendingOunitId: text(n, 'sending-ounit-id'),
    sendingContacts: list(n, 'sending-contact').map(readContact),
    receivingHeiId: text(n, 'receiving-hei-id') ?? '',
    receivingOunitId: text(n, 'receiving-ounit-id'),
    receivingContacts: list(n, 'receiving-contact').map(readContact),
    firstAcademicYear: text(n, 'receiving-first-academic-year-id') ?? '',
    lastAcademicYear: text(n, 'receiving-last-academic-year-id') ?? '',
    mobilitiesPerYear: num(text(m)) ?? 0,
    mobilitiesPerYearNotYetDefined: bool(attr(m, 'not-yet-defined')) || undefined,
    languageSkills: list(n, 'recommended-language-skill').map((l) => {
      const area = child(l, 'subject-area');
      return compact({
        language: text(l, 'language') ?? '',
        cefrLevel: text(l, 'cefr-level'),
        subjectArea: area ? readSubjectArea(area) : undefined,
        notYetDefined: bool(attr(l, 'not-yet-defined')) || undefined,
      });
    }),
    subjectAreas: list(n, 'subject-area').map(readSubjectArea),
    otherInfoTerms: text(n, 'other-info-terms'),
    totalMonthsPerYear: num(text(n, 'total-months-per-year')),
    blended: bool(text(n, 'blended')),
    eqfLevels: texts(n, 'eqf-level').map(Number),
    totalDaysPerYear: num(text(n, 'total-days-per-year')),
  });
}

/** The agreements of an IIAs v7 get-response (that passed the safe intake). */
export function parseIiasGetResponse(xml: string): Iia[] {
  const doc = parseXml(xml, ARRAYS);
  return list(doc['iias-get-response'], 'iia').map((n) => {
    const partners = list(n, 'partner').map((p) => {
      const signing = child(p, 'signing-contact');
      return compact({
        heiId: text(p, 'hei-id') ?? '',
        ounitId: text(p, 'ounit-id'),
        iiaId: text(p, 'iia-id'),
        iiaCode: text(p, 'iia-code'),
        signingContact: signing ? readContact(signing) : undefined,
        signingDate: text(p, 'signing-date'),
        contacts: list(p, 'contact').map(readContact),
      });
    }) as [IiaPartner, IiaPartner];
    const cc = child(n, 'cooperation-conditions');
    return compact({
      partners,
      inEffect: bool(text(n, 'in-effect')) ?? false,
      terminatedAsAWhole: bool(attr(cc, 'terminated-as-a-whole')),
      conditions: SPEC_KINDS.flatMap((k) =>
        list(cc, `${k}-mobility-spec`).map((s) => readSpec(k, s)),
      ),
      hash: text(n, 'iia-hash'),
      pdfFile: text(n, 'pdf-file'),
    });
  });
}
