/**
 * Learning agreements as EWP OMobility LAs API v1 get-responses: the first version everyone
 * signed, the latest approved changes and a pending proposal, each with its component lists and
 * signatures; the XML both ways and the checks made before a file is produced.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Refusal } from '../../domain/shared/refusal.ts';
import {
  ACADEMIC_YEAR,
  ASCII_ID,
  CEFR_LEVEL,
  Checks,
  NS,
  attr,
  child,
  compact,
  leaf,
  list,
  num,
  text,
} from './common.ts';
import { parseXml, type XmlNode } from './xml.ts';

export type LaCredit = { scheme: string; value: number };
export type LaComponentXml = {
  losId?: string;
  losCode?: string;
  title: string;
  loiId?: string;
  term?: { number: number; total: number };
  credits: LaCredit[];
  recognitionConditions?: string;
  shortDescription?: string;
  status?: 'inserted' | 'deleted';
  reasonCode?: string;
  reasonText?: string;
};
export const COMPONENT_LISTS = [
  'components-studied',
  'components-recognized',
  'virtual-components',
  'blended-mobility-components',
  'short-term-doctoral-components',
] as const;
export type ComponentList = (typeof COMPONENT_LISTS)[number];

export type LaSignatureXml = {
  signerName?: string;
  signerPosition?: string;
  signerEmail?: string;
  timestamp: string;
  signerApp?: string;
};
export type LaStudent = {
  givenNames?: string;
  familyName?: string;
  globalId?: string;
  birthDate?: string;
  citizenship?: string;
  gender?: number;
  email?: string;
};
export type LaVersionXml = {
  lists: Partial<Record<ComponentList, LaComponentXml[]>>;
  studentSignature: LaSignatureXml;
  sendingSignature: LaSignatureXml;
  receivingSignature?: LaSignatureXml;
};
export type LaInstitution = {
  heiId: string;
  ounitName?: string;
  ounitId?: string;
  contact: { givenNames: string; familyName: string; email: string; phone?: string };
};
export type LaDocument = {
  omobilityId: string;
  sending: LaInstitution;
  receiving: LaInstitution;
  receivingAcademicYear: string;
  student: LaStudent;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  start: string;
  end: string;
  eqfAtDeparture: number;
  iscedCode: string;
  iscedClarification?: string;
  languageSkill: { language: string; cefrLevel: string };
  firstVersion?: LaVersionXml;
  approvedChanges?: LaVersionXml;
  changesProposal?: LaVersionXml & { id: string; student?: LaStudent };
  learningOutcomesUrl?: string;
  provisionsUrl?: string;
};

export function checkLa(la: LaDocument, record: string): Refusal[] {
  const c = new Checks(record);
  c.need('omobility-id', la.omobilityId);
  c.form('omobility-id', la.omobilityId, ASCII_ID);
  for (const [k, h] of [
    ['sending-hei', la.sending],
    ['receiving-hei', la.receiving],
  ] as const) {
    c.need(`${k}.hei-id`, h.heiId);
    c.need(`${k}.contact-person.given-names`, h.contact.givenNames);
    c.need(`${k}.contact-person.family-name`, h.contact.familyName);
    c.need(`${k}.contact-person.email`, h.contact.email);
  }
  if (c.need('receiving-academic-year-id', la.receivingAcademicYear)) {
    c.form('receiving-academic-year-id', la.receivingAcademicYear, ACADEMIC_YEAR);
  }
  c.need('start-date', la.start);
  c.need('end-date', la.end);
  c.need('eqf-level-studied-at-departure', la.eqfAtDeparture || undefined);
  if (c.need('isced-f-code', la.iscedCode)) c.form('isced-f-code', la.iscedCode, /^[0-9]{2,4}$/);
  if (c.need('student-language-skill.language', la.languageSkill.language)) {
    c.need('student-language-skill.cefr-level', la.languageSkill.cefrLevel);
    c.form(
      'student-language-skill.cefr-level',
      la.languageSkill.cefrLevel || undefined,
      CEFR_LEVEL,
    );
  }
  for (const [k, v] of [
    ['first-version', la.firstVersion],
    ['approved-changes', la.approvedChanges],
    ['changes-proposal', la.changesProposal],
  ] as const) {
    if (!v) continue;
    c.need(`${k}.student-signature.timestamp`, v.studentSignature.timestamp);
    c.need(`${k}.sending-hei-signature.timestamp`, v.sendingSignature.timestamp);
    for (const l of COMPONENT_LISTS) {
      (v.lists[l] ?? []).forEach((x, i) => c.need(`${k}.${l}[${i + 1}].title`, x.title));
    }
  }
  return c.refusals;
}

function writeStudent(e: XMLBuilder, s: LaStudent) {
  leaf(e, 'given-names', s.givenNames);
  leaf(e, 'family-name', s.familyName);
  leaf(e, 'global-id', s.globalId);
  leaf(e, 'birth-date', s.birthDate);
  leaf(e, 'citizenship', s.citizenship);
  leaf(e, 'gender', s.gender);
  leaf(e, 'email', s.email);
}

function writeSignature(e: XMLBuilder, s: LaSignatureXml) {
  leaf(e, 'signer-name', s.signerName);
  leaf(e, 'signer-position', s.signerPosition);
  leaf(e, 'signer-email', s.signerEmail);
  leaf(e, 'timestamp', s.timestamp);
  leaf(e, 'signer-app', s.signerApp);
}

function writeVersion(e: XMLBuilder, v: LaVersionXml) {
  for (const l of COMPONENT_LISTS) {
    const items = v.lists[l];
    if (!items) continue;
    const le = e.ele(l);
    for (const x of items) {
      const ce = le.ele('component');
      if (x.status) ce.att('status', x.status);
      if (x.reasonCode) ce.att('reason-code', x.reasonCode);
      if (x.reasonText) ce.att('reason-text', x.reasonText);
      leaf(ce, 'los-id', x.losId);
      leaf(ce, 'los-code', x.losCode);
      leaf(ce, 'title', x.title);
      leaf(ce, 'loi-id', x.loiId);
      if (x.term) {
        const t = ce.ele('term-id');
        leaf(t, 'trm:term-number', x.term.number);
        leaf(t, 'trm:total-terms', x.term.total);
      }
      for (const cr of x.credits) {
        const ke = ce.ele('credit');
        leaf(ke, 'scheme', cr.scheme);
        leaf(ke, 'value', cr.value);
      }
      leaf(ce, 'recognition-conditions', x.recognitionConditions);
      leaf(ce, 'short-description', x.shortDescription);
    }
  }
  writeSignature(e.ele('student-signature'), v.studentSignature);
  writeSignature(e.ele('sending-hei-signature'), v.sendingSignature);
  if (v.receivingSignature) writeSignature(e.ele('receiving-hei-signature'), v.receivingSignature);
}

export function buildLasGetResponse(las: readonly LaDocument[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(
    NS.las,
    'omobility-las-get-response',
    {
      'xmlns:trm': NS.term2,
      'xmlns:p': NS.phone,
    },
  );
  for (const la of las) {
    const e = root.ele('la');
    leaf(e, 'omobility-id', la.omobilityId);
    for (const [name, h] of [
      ['sending-hei', la.sending],
      ['receiving-hei', la.receiving],
    ] as const) {
      const he = e.ele(name);
      leaf(he, 'hei-id', h.heiId);
      leaf(he, 'ounit-name', h.ounitName);
      leaf(he, 'ounit-id', h.ounitId);
      const cp = he.ele('contact-person');
      leaf(cp, 'given-names', h.contact.givenNames);
      leaf(cp, 'family-name', h.contact.familyName);
      leaf(cp, 'email', h.contact.email);
      if (h.contact.phone) leaf(cp.ele('p:phone-number'), 'p:e164', h.contact.phone);
    }
    leaf(e, 'receiving-academic-year-id', la.receivingAcademicYear);
    writeStudent(e.ele('student'), la.student);
    leaf(e, la.start.length === 7 ? 'start-year-month' : 'start-date', la.start);
    leaf(e, la.end.length === 7 ? 'end-year-month' : 'end-date', la.end);
    leaf(e, 'eqf-level-studied-at-departure', la.eqfAtDeparture);
    leaf(e, 'isced-f-code', la.iscedCode);
    leaf(e, 'isced-clarification', la.iscedClarification);
    const sk = e.ele('student-language-skill');
    leaf(sk, 'language', la.languageSkill.language);
    leaf(sk, 'cefr-level', la.languageSkill.cefrLevel);
    if (la.firstVersion) writeVersion(e.ele('first-version'), la.firstVersion);
    if (la.approvedChanges) writeVersion(e.ele('approved-changes'), la.approvedChanges);
    if (la.changesProposal) {
      const pe = e.ele('changes-proposal', { id: la.changesProposal.id });
      writeVersion(pe, la.changesProposal);
      if (la.changesProposal.student) writeStudent(pe.ele('student'), la.changesProposal.student);
    }
    leaf(e, 'learning-outcomes-url', la.learningOutcomesUrl);
    leaf(e, 'provisions-url', la.provisionsUrl);
  }
  return root.end({ prettyPrint: true });
}

const ARRAYS = new Set(['la', 'component', 'credit']);

const readStudent = (s: unknown): LaStudent =>
  compact({
    givenNames: text(s, 'given-names'),
    familyName: text(s, 'family-name'),
    globalId: text(s, 'global-id'),
    birthDate: text(s, 'birth-date'),
    citizenship: text(s, 'citizenship'),
    gender: num(text(s, 'gender')),
    email: text(s, 'email'),
  });

const readSignature = (s: unknown): LaSignatureXml =>
  compact({
    signerName: text(s, 'signer-name'),
    signerPosition: text(s, 'signer-position'),
    signerEmail: text(s, 'signer-email'),
    timestamp: text(s, 'timestamp') ?? '',
    signerApp: text(s, 'signer-app'),
  });

function readVersion(n: XmlNode): LaVersionXml {
  const lists: LaVersionXml['lists'] = {};
  for (const l of COMPONENT_LISTS) {
    const le = child(n, l);
    if (!le) continue;
    lists[l] = list(le, 'component').map((x) => {
      const term = child(x, 'term-id');
      return compact({
        losId: text(x, 'los-id'),
        losCode: text(x, 'los-code'),
        title: text(x, 'title') ?? '',
        loiId: text(x, 'loi-id'),
        term: term
          ? { number: Number(text(term, 'term-number')), total: Number(text(term, 'total-terms')) }
          : undefined,
        credits: list(x, 'credit').map((c) => ({
          scheme: text(c, 'scheme') ?? '',
          value: Number(text(c, 'value')),
        })),
        recognitionConditions: text(x, 'recognition-conditions'),
        shortDescription: text(x, 'short-description'),
        status: attr(x, 'status') as LaComponentXml['status'],
        reasonCode: attr(x, 'reason-code'),
        reasonText: attr(x, 'reason-text'),
      });
    });
  }
  const receiving = child(n, 'receiving-hei-signature');
  return compact({
    lists,
    studentSignature: readSignature(child(n, 'student-signature')),
    sendingSignature: readSignature(child(n, 'sending-hei-signature')),
    receivingSignature: receiving ? readSignature(receiving) : undefined,
  });
}

function readInstitution(n: unknown): LaInstitution {
  const cp = child(n, 'contact-person');
  return compact({
    heiId: text(n, 'hei-id') ?? '',
    ounitName: text(n, 'ounit-name'),
    ounitId: text(n, 'ounit-id'),
    contact: compact({
      givenNames: text(cp, 'given-names') ?? '',
      familyName: text(cp, 'family-name') ?? '',
      email: text(cp, 'email') ?? '',
      phone: text(child(cp, 'phone-number'), 'e164'),
    }),
  });
}

export function parseLasGetResponse(xml: string): LaDocument[] {
  const doc = parseXml(xml, ARRAYS);
  return list(doc['omobility-las-get-response'], 'la').map((n) => {
    const first = child(n, 'first-version');
    const approved = child(n, 'approved-changes');
    const proposal = child(n, 'changes-proposal');
    const skill = child(n, 'student-language-skill');
    return compact({
      omobilityId: text(n, 'omobility-id') ?? '',
      sending: readInstitution(child(n, 'sending-hei')),
      receiving: readInstitution(child(n, 'receiving-hei')),
      receivingAcademicYear: text(n, 'receiving-academic-year-id') ?? '',
      student: readStudent(child(n, 'student')),
      start: text(n, 'start-date') ?? text(n, 'start-year-month') ?? '',
      end: text(n, 'end-date') ?? text(n, 'end-year-month') ?? '',
      eqfAtDeparture: Number(text(n, 'eqf-level-studied-at-departure')),
      iscedCode: text(n, 'isced-f-code') ?? '',
      iscedClarification: text(n, 'isced-clarification'),
      languageSkill: {
        language: text(skill, 'language') ?? '',
        cefrLevel: text(skill, 'cefr-level') ?? '',
      },
      firstVersion: first ? readVersion(first) : undefined,
      approvedChanges: approved ? readVersion(approved) : undefined,
      changesProposal: proposal
        ? compact({
            ...readVersion(proposal),
            id: attr(proposal, 'id') ?? '',
            student: child(proposal, 'student')
              ? readStudent(child(proposal, 'student'))
              : undefined,
          })
        : undefined,
      learningOutcomesUrl: text(n, 'learning-outcomes-url'),
      provisionsUrl: text(n, 'provisions-url'),
    });
  });
}
