/**
 * Outgoing mobilities as EWP OMobilities API v2 get-responses: the plain data, the XML both ways
 * and the checks made before a file is produced. The sending institution is the master.
 */
import { create } from 'xmlbuilder2';
import type { Refusal } from '../../domain/shared/refusal.ts';
import {
  ACADEMIC_YEAR,
  ASCII_ID,
  CEFR_LEVEL,
  Checks,
  ISO_DATE,
  NS,
  attr,
  bool,
  child,
  compact,
  langLeaves,
  langTexts,
  leaf,
  list,
  num,
  readSkill,
  text,
  writeSkill,
  type LangText,
  type LanguageSkill,
} from './common.ts';
import { parseXml } from './xml.ts';

export const OMOBILITY_STATUSES = ['nomination', 'live', 'recognized', 'cancelled'] as const;
export type OMobilityStatus = (typeof OMOBILITY_STATUSES)[number];

export type HeiRef = { heiId: string; ounitId?: string; iiaId?: string };

export type EwpStudent = {
  givenNames: LangText[];
  familyName: LangText[];
  /** The European Student Identifier. */
  globalId: string;
  birthDate?: string;
  citizenship?: string;
  /** ISO 5218: 0, 1, 2 or 9. */
  gender?: number;
  email?: string;
  photoUrls: { url: string; sizePx?: string; date?: string; public?: boolean }[];
  phones: string[];
};

export type OMobility = {
  id: string;
  sending: HeiRef;
  receiving: HeiRef;
  /** `YYYY/YYYY-N/M`; absent for a non-standard mobility period. */
  sendingTermId?: string;
  receivingAcademicYear: string;
  student: EwpStudent;
  status: OMobilityStatus;
  activityType: 'student-studies' | 'student-traineeship';
  activityAttributes: 'long-term' | 'short-term-blended' | 'short-term-doctoral';
  plannedArrival?: string;
  plannedDeparture?: string;
  eqfAtNomination?: number;
  eqfAtDeparture?: number;
  iscedCode?: string;
  languageSkills: LanguageSkill[];
  additionalRequirements: { name: string; file?: string; url?: string }[];
};

/** The European Student Identifier of a student of a home institution. */
export const esi = (homeHeiId: string, localId: string) =>
  `urn:schac:personalUniqueCode:int:esi:${homeHeiId}:${localId}`;

export function checkOMobility(m: OMobility, record: string): Refusal[] {
  const c = new Checks(record);
  c.need('omobility-id', m.id);
  c.form('omobility-id', m.id, ASCII_ID);
  c.need('sending-hei.hei-id', m.sending.heiId);
  c.need('receiving-hei.hei-id', m.receiving.heiId);
  if (c.need('receiving-academic-year-id', m.receivingAcademicYear)) {
    c.form('receiving-academic-year-id', m.receivingAcademicYear, ACADEMIC_YEAR);
  }
  c.form('sending-academic-term-ewp-id', m.sendingTermId, /^[0-9]{4}\/[0-9]{4}-[0-9]\/[0-9]$/);
  c.need(
    'student.given-names',
    m.student.givenNames.filter((n) => n.text.trim()),
  );
  c.need(
    'student.family-name',
    m.student.familyName.filter((n) => n.text.trim()),
  );
  c.need('student.global-id', m.student.globalId);
  c.form('student.birth-date', m.student.birthDate, ISO_DATE);
  c.form('planned-arrival-date', m.plannedArrival, ISO_DATE);
  c.form('planned-departure-date', m.plannedDeparture, ISO_DATE);
  c.form('nominee-isced-f-code', m.iscedCode, /^[0-9]{2,4}$/);
  for (const l of m.languageSkills)
    c.form('nominee-language-skill.cefr-level', l.cefrLevel, CEFR_LEVEL);
  return c.refusals;
}

export function buildOMobilitiesGetResponse(mobilities: readonly OMobility[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(
    NS.omobilities,
    'omobilities-get-response',
    { 'xmlns:p': NS.phone },
  );
  for (const m of mobilities) {
    const e = root.ele('student-mobility');
    leaf(e, 'omobility-id', m.id);
    for (const [name, h] of [
      ['sending-hei', m.sending],
      ['receiving-hei', m.receiving],
    ] as const) {
      const he = e.ele(name);
      leaf(he, 'hei-id', h.heiId);
      leaf(he, 'ounit-id', h.ounitId);
      leaf(he, 'iia-id', h.iiaId);
    }
    if (m.sendingTermId) leaf(e, 'sending-academic-term-ewp-id', m.sendingTermId);
    else e.ele('non-standard-mobility-period');
    leaf(e, 'receiving-academic-year-id', m.receivingAcademicYear);
    const s = e.ele('student');
    langLeaves(s, 'given-names', m.student.givenNames);
    langLeaves(s, 'family-name', m.student.familyName);
    leaf(s, 'global-id', m.student.globalId);
    leaf(s, 'birth-date', m.student.birthDate);
    leaf(s, 'citizenship', m.student.citizenship);
    leaf(s, 'gender', m.student.gender);
    leaf(s, 'email', m.student.email);
    for (const p of m.student.photoUrls) {
      const pe = s.ele('photo-url');
      if (p.sizePx) pe.att('size-px', p.sizePx);
      if (p.public !== undefined) pe.att('public', String(p.public));
      if (p.date) pe.att('date', p.date);
      pe.txt(p.url);
    }
    for (const p of m.student.phones) leaf(s.ele('p:phone-number'), 'p:e164', p);
    leaf(e, 'status', m.status);
    leaf(e, 'activity-type', m.activityType);
    leaf(e, 'activity-attributes', m.activityAttributes);
    leaf(e, 'planned-arrival-date', m.plannedArrival);
    leaf(e, 'planned-departure-date', m.plannedDeparture);
    leaf(e, 'eqf-level-studied-at-nomination', m.eqfAtNomination);
    leaf(e, 'eqf-level-studied-at-departure', m.eqfAtDeparture);
    leaf(e, 'nominee-isced-f-code', m.iscedCode);
    for (const l of m.languageSkills) writeSkill(e, 'nominee-language-skill', l);
    for (const r of m.additionalRequirements) {
      const re = e.ele('additional-requirement');
      leaf(re, 'name', r.name);
      leaf(re, 'file', r.file);
      leaf(re, 'url', r.url);
    }
  }
  return root.end({ prettyPrint: true });
}

const ARRAYS = new Set([
  'student-mobility',
  'given-names',
  'family-name',
  'photo-url',
  'phone-number',
  'nominee-language-skill',
  'additional-requirement',
]);

const heiRef = (n: unknown): HeiRef =>
  compact({
    heiId: text(n, 'hei-id') ?? '',
    ounitId: text(n, 'ounit-id'),
    iiaId: text(n, 'iia-id'),
  });

export function parseOMobilitiesGetResponse(xml: string): OMobility[] {
  const doc = parseXml(xml, ARRAYS);
  return list(doc['omobilities-get-response'], 'student-mobility').map((n) => {
    const s = child(n, 'student');
    return compact({
      id: text(n, 'omobility-id') ?? '',
      sending: heiRef(child(n, 'sending-hei')),
      receiving: heiRef(child(n, 'receiving-hei')),
      sendingTermId: text(n, 'sending-academic-term-ewp-id'),
      receivingAcademicYear: text(n, 'receiving-academic-year-id') ?? '',
      student: compact({
        givenNames: langTexts(s, 'given-names'),
        familyName: langTexts(s, 'family-name'),
        globalId: text(s, 'global-id') ?? '',
        birthDate: text(s, 'birth-date'),
        citizenship: text(s, 'citizenship'),
        gender: num(text(s, 'gender')),
        email: text(s, 'email'),
        photoUrls: list(s, 'photo-url').map((p) =>
          compact({
            url: text(p) ?? '',
            sizePx: attr(p, 'size-px'),
            date: attr(p, 'date'),
            public: bool(attr(p, 'public')),
          }),
        ),
        phones: list(s, 'phone-number')
          .map((p) => text(p, 'e164'))
          .filter((p): p is string => p !== undefined),
      }),
      status: (text(n, 'status') ?? 'nomination') as OMobilityStatus,
      activityType: (text(n, 'activity-type') ?? 'student-studies') as OMobility['activityType'],
      activityAttributes: (text(n, 'activity-attributes') ??
        'long-term') as OMobility['activityAttributes'],
      plannedArrival: text(n, 'planned-arrival-date'),
      plannedDeparture: text(n, 'planned-departure-date'),
      eqfAtNomination: num(text(n, 'eqf-level-studied-at-nomination')),
      eqfAtDeparture: num(text(n, 'eqf-level-studied-at-departure')),
      iscedCode: text(n, 'nominee-isced-f-code'),
      languageSkills: list(n, 'nominee-language-skill').map(readSkill),
      additionalRequirements: list(n, 'additional-requirement').map((r) =>
        compact({ name: text(r, 'name') ?? '', file: text(r, 'file'), url: text(r, 'url') }),
      ),
    });
  });
}
