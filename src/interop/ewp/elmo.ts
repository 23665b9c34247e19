/**
 * Transcripts of records as EMREX ELMO 1.7 (`elmo/v1`), the format EWP's ToR API carries: the
 * learner, each issuer's report with its learning opportunities (nested through `hasPart`),
 * results with grades and credits, and the grading schemes used. Diploma supplements, groups and
 * attachments are not read or written.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Refusal } from '../../domain/shared/refusal.ts';
import {
  Checks,
  NS,
  attr,
  child,
  compact,
  langLeaves,
  langTexts,
  leaf,
  list,
  num,
  text,
  type LangText,
} from './common.ts';
import { parseXml, type XmlNode } from './xml.ts';

export type ElmoIdentifier = { type: string; value: string };
export type ElmoLoi = {
  identifiers: ElmoIdentifier[];
  start?: string;
  date?: string;
  academicTerm?: { titles: LangText[]; start: string; end: string };
  status?: 'passed' | 'failed' | 'in-progress';
  gradingSchemeLocalId?: string;
  resultLabel?: string;
  shortenedGrading?: { lower: number; equal: number; higher: number };
  resultDistribution?: { label: string; count: number }[];
  credits: { scheme: string; level?: string; value?: number }[];
  levels: { type: string; value?: string }[];
  languageOfInstruction?: string;
  engagementHours?: number;
};
export type ElmoLos = {
  identifiers: ElmoIdentifier[];
  titles: LangText[];
  type?: 'Degree Programme' | 'Module' | 'Course' | 'Class';
  subjectArea?: string;
  iscedCode?: string;
  url?: string;
  descriptions: LangText[];
  instance: ElmoLoi;
  parts: ElmoLos[];
};
export type ElmoReport = {
  issuer: { country?: string; identifiers: ElmoIdentifier[]; titles: LangText[]; url: string };
  opportunities: ElmoLos[];
  issueDate: string;
  gradingSchemes: { localId: string; descriptions: LangText[] }[];
};
export type Elmo = {
  generatedDate: string;
  learner: {
    citizenship?: string;
    identifiers: ElmoIdentifier[];
    givenNames: string;
    familyName: string;
    bday?: string;
    gender?: number;
  };
  reports: ElmoReport[];
};

export function checkElmo(e: Elmo, record: string): Refusal[] {
  const c = new Checks(record);
  c.need('generatedDate', e.generatedDate);
  c.need('learner.givenNames', e.learner.givenNames);
  c.need('learner.familyName', e.learner.familyName);
  c.need('report', e.reports);
  e.reports.forEach((r, i) => {
    const k = `report[${i + 1}]`;
    c.need(`${k}.issuer.identifier`, r.issuer.identifiers);
    c.need(`${k}.issuer.title`, r.issuer.titles);
    c.need(`${k}.issuer.url`, r.issuer.url);
    c.need(`${k}.issueDate`, r.issueDate);
    const walk = (l: ElmoLos, path: string) => {
      c.need(
        `${path}.title`,
        l.titles.filter((t) => t.text.trim()),
      );
      l.parts.forEach((p, j) => walk(p, `${path}.hasPart[${j + 1}]`));
    };
    r.opportunities.forEach((l, j) => walk(l, `${k}.learningOpportunitySpecification[${j + 1}]`));
  });
  return c.refusals;
}

function identifiers(e: XMLBuilder, ids: readonly ElmoIdentifier[]) {
  for (const i of ids) e.ele('identifier', { type: i.type }).txt(i.value);
}

function writeLos(parent: XMLBuilder, l: ElmoLos) {
  const e = parent.ele('learningOpportunitySpecification');
  identifiers(e, l.identifiers);
  langLeaves(e, 'title', l.titles);
  leaf(e, 'type', l.type);
  leaf(e, 'subjectArea', l.subjectArea);
  leaf(e, 'iscedCode', l.iscedCode);
  leaf(e, 'url', l.url);
  langLeaves(e, 'description', l.descriptions);
  const i = e.ele('specifies').ele('learningOpportunityInstance');
  const x = l.instance;
  identifiers(i, x.identifiers);
  leaf(i, 'start', x.start);
  leaf(i, 'date', x.date);
  if (x.academicTerm) {
    const t = i.ele('academicTerm');
    langLeaves(t, 'title', x.academicTerm.titles);
    leaf(t, 'start', x.academicTerm.start);
    leaf(t, 'end', x.academicTerm.end);
  }
  leaf(i, 'status', x.status);
  leaf(i, 'gradingSchemeLocalId', x.gradingSchemeLocalId);
  leaf(i, 'resultLabel', x.resultLabel);
  if (x.shortenedGrading) {
    const s = i.ele('shortenedGrading');
    leaf(s, 'percentageLower', x.shortenedGrading.lower);
    leaf(s, 'percentageEqual', x.shortenedGrading.equal);
    leaf(s, 'percentageHigher', x.shortenedGrading.higher);
  }
  if (x.resultDistribution) {
    const d = i.ele('resultDistribution');
    for (const c of x.resultDistribution)
      d.ele('category', { label: c.label, count: String(c.count) });
  }
  for (const c of x.credits) {
    const ce = i.ele('credit');
    leaf(ce, 'scheme', c.scheme);
    leaf(ce, 'level', c.level);
    leaf(ce, 'value', c.value);
  }
  for (const v of x.levels) {
    const le = i.ele('level');
    leaf(le, 'type', v.type);
    leaf(le, 'value', v.value);
  }
  leaf(i, 'languageOfInstruction', x.languageOfInstruction);
  leaf(i, 'engagementHours', x.engagementHours);
  if (l.parts.length) {
    const h = e.ele('hasPart');
    for (const p of l.parts) writeLos(h, p);
  }
}

/** Writes an `elmo` element into a parent (the ToR wrapper) or as a document root. */
export function writeElmo(root: XMLBuilder, e: Elmo) {
  leaf(root, 'generatedDate', e.generatedDate);
  const l = root.ele('learner');
  leaf(l, 'citizenship', e.learner.citizenship);
  identifiers(l, e.learner.identifiers);
  leaf(l, 'givenNames', e.learner.givenNames);
  leaf(l, 'familyName', e.learner.familyName);
  leaf(l, 'bday', e.learner.bday);
  leaf(l, 'gender', e.learner.gender);
  for (const r of e.reports) {
    const re = root.ele('report');
    const is = re.ele('issuer');
    leaf(is, 'country', r.issuer.country);
    identifiers(is, r.issuer.identifiers);
    langLeaves(is, 'title', r.issuer.titles);
    leaf(is, 'url', r.issuer.url);
    for (const o of r.opportunities) writeLos(re, o);
    leaf(re, 'issueDate', r.issueDate);
    for (const g of r.gradingSchemes) {
      const ge = re.ele('gradingScheme', { localId: g.localId });
      langLeaves(ge, 'description', g.descriptions);
    }
  }
}

export function buildElmo(e: Elmo): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.elmo, 'elmo');
  writeElmo(root, e);
  return root.end({ prettyPrint: true });
}

const ARRAYS = new Set([
  'report',
  'identifier',
  'title',
  'learningOpportunitySpecification',
  'description',
  'credit',
  'level',
  'category',
  'gradingScheme',
  'tor',
]);

const ids = (n: unknown): ElmoIdentifier[] =>
  list(n, 'identifier').map((i) => ({ type: attr(i, 'type') ?? '', value: text(i) ?? '' }));

function readLos(n: XmlNode): ElmoLos {
  const i = child(child(n, 'specifies'), 'learningOpportunityInstance');
  const term = child(i, 'academicTerm');
  const sg = child(i, 'shortenedGrading');
  const rd = child(i, 'resultDistribution');
  return compact({
    identifiers: ids(n),
    titles: langTexts(n, 'title'),
    type: text(n, 'type') as ElmoLos['type'],
    subjectArea: text(n, 'subjectArea'),
    iscedCode: text(n, 'iscedCode'),
    url: text(n, 'url'),
    descriptions: langTexts(n, 'description'),
    instance: compact({
      identifiers: ids(i),
      start: text(i, 'start'),
      date: text(i, 'date'),
      academicTerm: term
        ? {
            titles: langTexts(term, 'title'),
            start: text(term, 'start') ?? '',
            end: text(term, 'end') ?? '',
          }
        : undefined,
      status: text(i, 'status') as ElmoLoi['status'],
      gradingSchemeLocalId: text(i, 'gradingSchemeLocalId'),
      resultLabel: text(i, 'resultLabel'),
      shortenedGrading: sg
        ? {
            lower: Number(text(sg, 'percentageLower')),
            equal: Number(text(sg, 'percentageEqual')),
            higher: Number(text(sg, 'percentageHigher')),
          }
        : undefined,
      resultDistribution: rd
        ? list(rd, 'category').map((c) => ({
            label: attr(c, 'label') ?? '',
            count: Number(attr(c, 'count')),
          }))
        : undefined,
      credits: list(i, 'credit').map((c) =>
        compact({
          scheme: text(c, 'scheme') ?? '',
          level: text(c, 'level'),
          value: num(text(c, 'value')),
        }),
      ),
      levels: list(i, 'level').map((v) =>
        compact({ type: text(v, 'type') ?? '', value: text(v, 'value') }),
      ),
      languageOfInstruction: text(i, 'languageOfInstruction'),
      engagementHours: num(text(i, 'engagementHours')),
    }),
    parts: list(child(n, 'hasPart'), 'learningOpportunitySpecification').map(readLos),
  });
}

/** Reads an `elmo` element's content. */
export function readElmo(n: XmlNode): Elmo {
  const l = child(n, 'learner');
  return {
    generatedDate: text(n, 'generatedDate') ?? '',
    learner: compact({
      citizenship: text(l, 'citizenship'),
      identifiers: ids(l),
      givenNames: text(l, 'givenNames') ?? '',
      familyName: text(l, 'familyName') ?? '',
      bday: text(l, 'bday'),
      gender: num(text(l, 'gender')),
    }),
    reports: list(n, 'report').map((r) => {
      const is = child(r, 'issuer');
      return {
        issuer: compact({
          country: text(is, 'country'),
          identifiers: ids(is),
          titles: langTexts(is, 'title'),
          url: text(is, 'url') ?? '',
        }),
        opportunities: list(r, 'learningOpportunitySpecification').map(readLos),
        issueDate: text(r, 'issueDate') ?? '',
        gradingSchemes: list(r, 'gradingScheme').map((g) => ({
          localId: attr(g, 'localId') ?? '',
          descriptions: langTexts(g, 'description'),
        })),
      };
    }),
  };
}

/** The transcripts of a bare ELMO document or of an EWP ToR get-response, with their mobility. */
export function parseTranscripts(xml: string): { omobilityId: string | null; elmo: Elmo }[] {
  const doc = parseXml(xml, ARRAYS);
  if (doc.elmo) return [{ omobilityId: null, elmo: readElmo(doc.elmo as XmlNode) }];
  return list(doc['imobility-tors-get-response'], 'tor').map((t) => ({
    omobilityId: text(t, 'omobility-id') ?? null,
    elmo: readElmo(child(t, 'elmo') ?? {}),
  }));
}
