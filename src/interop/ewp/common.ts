/**
 * What the EWP document kinds share: their namespaces, contacts, language skills, and small
 * helpers to read the plain objects `parseXml` gives and to write with xmlbuilder2.
 */
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { refusal, type Refusal } from '../../domain/shared/refusal.ts';
import { EWP_CODES } from '../../domain/ewp/refusal-codes.ts';
import type { XmlNode } from './xml.ts';

const GH = 'https://github.com/erasmus-without-paper';
export const NS = {
  iias: `${GH}/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd`,
  omobilities: `${GH}/ewp-specs-api-omobilities/blob/stable-v2/endpoints/get-response.xsd`,
  las: `${GH}/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd`,
  tors: `${GH}/ewp-specs-api-imobility-tors/blob/stable-v2/endpoints/get-response.xsd`,
  elmo: 'https://github.com/emrex-eu/elmo-schemas/tree/v1',
  contact: `${GH}/ewp-specs-types-contact/tree/stable-v1`,
  phone: `${GH}/ewp-specs-types-phonenumber/tree/stable-v1`,
  address: `${GH}/ewp-specs-types-address/tree/stable-v1`,
  term1: `${GH}/ewp-specs-types-academic-term/tree/stable-v1`,
  term2: `${GH}/ewp-specs-types-academic-term/tree/stable-v2`,
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** A text in a language (`xml:lang`), as EWP's `StringWithOptionalLang`. */
export type LangText = { text: string; lang?: string };

/** A contact person (types-contact `Contact`), with the fields Kakehashi keeps. */
export type EwpContact = {
  names: LangText[];
  givenNames?: string;
  familyName?: string;
  phone?: { e164?: string; other?: string };
  emails: string[];
};

export type LanguageSkill = { language: string; cefrLevel?: string };

// --- reading ---------------------------------------------------------------------------------

/** The children of a node by name, always as a list. */
export function list(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as XmlNode)[name];
  if (v === undefined || v === null || v === '') return v === '' ? [{}] : [];
  return (Array.isArray(v) ? v : [v]).map((x) =>
    typeof x === 'object' && x !== null ? (x as XmlNode) : { '#text': String(x) },
  );
}

/** The first child by name, or undefined. */
export function child(node: unknown, name: string): XmlNode | undefined {
  return list(node, name)[0];
}

/** The text of a node or of a named child ('' for an empty element, undefined when absent). */
export function text(node: unknown, name?: string): string | undefined {
  const n = name === undefined ? node : child(node, name);
  if (n === undefined || n === null) return undefined;
  if (typeof n !== 'object') return String(n);
  const t = (n as XmlNode)['#text'];
  return t === undefined ? '' : String(t);
}

/** Every text of a repeated child. */
export function texts(node: unknown, name: string): string[] {
  return list(node, name).map((n) => text(n) ?? '');
}

export function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const v = (node as XmlNode)[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

export function langTexts(node: unknown, name: string): LangText[] {
  return list(node, name).map((n) => {
    const lang = attr(n, 'xml:lang') ?? attr(n, 'lang');
    return lang ? { text: text(n) ?? '', lang } : { text: text(n) ?? '' };
  });
}

export const num = (s: string | undefined): number | undefined =>
  s === undefined || s.trim() === '' ? undefined : Number(s);

export const bool = (s: string | undefined): boolean | undefined =>
  s === undefined ? undefined : s.trim() === 'true' || s.trim() === '1';

/** Drops the keys whose value is undefined (so that parsed and built data compare equal). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function readContact(node: XmlNode): EwpContact {
  const phone = child(node, 'phone-number');
  return compact({
    names: langTexts(node, 'contact-name'),
    givenNames: text(node, 'person-given-names'),
    familyName: text(node, 'person-family-name'),
    phone: phone
      ? compact({ e164: text(phone, 'e164'), other: text(phone, 'other-format') })
      : undefined,
    emails: texts(node, 'email'),
  });
}

export function readSkill(node: XmlNode): LanguageSkill {
  return compact({ language: text(node, 'language') ?? '', cefrLevel: text(node, 'cefr-level') });
}

// --- writing ---------------------------------------------------------------------------------

/** Adds `<name>value</name>` when the value is given. */
export function leaf(
  parent: XMLBuilder,
  name: string,
  value: string | number | boolean | undefined,
) {
  if (value === undefined) return;
  parent.ele(name).txt(String(value));
}

export function langLeaves(parent: XMLBuilder, name: string, values: readonly LangText[]) {
  for (const v of values) {
    const e = parent.ele(name);
    if (v.lang) e.att(NS.xml, 'xml:lang', v.lang);
    e.txt(v.text);
  }
}

/** Writes a contact's content (the root must declare the `c` and `p` prefixes). */
export function writeContact(e: XMLBuilder, c: EwpContact) {
  langLeaves(e, 'c:contact-name', c.names);
  leaf(e, 'c:person-given-names', c.givenNames);
  leaf(e, 'c:person-family-name', c.familyName);
  if (c.phone) {
    const p = e.ele('p:phone-number');
    leaf(p, 'p:e164', c.phone.e164);
    leaf(p, 'p:other-format', c.phone.other);
  }
  for (const m of c.emails) leaf(e, 'c:email', m);
}

export function writeSkill(parent: XMLBuilder, name: string, s: LanguageSkill) {
  const e = parent.ele(name);
  leaf(e, 'language', s.language);
  leaf(e, 'cefr-level', s.cefrLevel);
}

// --- checks ----------------------------------------------------------------------------------

/** Collects the refusals of the checks made before a document is produced. */
export class Checks {
  readonly refusals: Refusal[] = [];
  constructor(private readonly record: string) {}
  /** A mandatory field: refused when absent or blank. */
  need(field: string, value: unknown): boolean {
    const missing =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (missing) {
      this.refusals.push(refusal(EWP_CODES.missingField, { field, record: this.record }));
    }
    return !missing;
  }
  /** A value of a required form: refused when present but not matching. */
  form(field: string, value: string | number | undefined, pattern: RegExp): void {
    if (value === undefined) return;
    if (!pattern.test(String(value))) {
      this.refusals.push(
        refusal(EWP_CODES.invalidValue, { field, record: this.record, value: String(value) }),
      );
    }
  }
}

export const ISCED_F = /^[0-9]{4}$/;
export const CEFR_LEVEL = /^[ABC][12]$/;
export const ACADEMIC_YEAR = /^[0-9]{4}\/[0-9]{4}$/;
export const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
export const ASCII_ID = /^[!-~]{1,64}$/;
