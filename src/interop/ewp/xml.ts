/**
 * Safe intake of a partner's XML: before anything parses it further, a document is refused when it
 * is too large, when it declares a DOCTYPE or entities (external entities read local files or
 * reach the network — XXE; nested entities expand exponentially — "billion laughs"), or when it
 * is not well-formed. EWP documents never need a DOCTYPE: they are described by XSDs only.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { refusal, type Refusal } from '../../domain/shared/refusal.ts';
import { EWP_CODES } from '../../domain/ewp/refusal-codes.ts';

/** The largest EWP document accepted: a get-response of many records stays far below it. */
export const EWP_XML_MAX_BYTES = 5 * 1024 * 1024;

export type XmlIntake = { ok: true; xml: string } | { ok: false; refusal: Refusal };

const PREDEFINED_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** The 1-based line and column of an offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Checks a document before any parsing: size, DTD or entity declarations, well-formedness.
 * Answers the text (UTF-8, without a byte order mark) or the refusal.
 */
export function checkXmlIntake(
  input: string | Uint8Array,
  options: { maxBytes?: number } = {},
): XmlIntake {
  const maxBytes = options.maxBytes ?? EWP_XML_MAX_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > maxBytes) {
    return {
      ok: false,
      refusal: refusal(EWP_CODES.tooLarge, { limitBytes: maxBytes, sizeBytes: size }),
    };
  }
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // UTF-16 text decoded as UTF-8 hides its markup between NUL bytes: look at it without them.
  const visible = text.replace(/\0/g, '');
  const dtd = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.exec(visible);
  if (dtd) {
    return {
      ok: false,
      refusal: refusal(EWP_CODES.dtdForbidden, {
        declaration: dtd[1]!.toUpperCase(),
        ...position(visible, dtd.index),
      }),
    };
  }
  if (visible !== text) {
    return {
      ok: false,
      refusal: refusal(EWP_CODES.notWellFormed, { line: 1, column: 1, detail: 'not UTF-8' }),
    };
  }
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    return {
      ok: false,
      refusal: refusal(EWP_CODES.notWellFormed, {
        line: verdict.err.line ?? 1,
        column: verdict.err.col ?? 1,
        detail: verdict.err.msg,
      }),
    };
  }
  // Only the five predefined entities and character references exist without a DTD.
  const markup = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
  const withoutComments = markup.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
  const entity = PREDEFINED_ENTITY.exec(withoutComments);
  if (entity) {
    return {
      ok: false,
      refusal: refusal(EWP_CODES.notWellFormed, {
        ...position(text, entity.index),
        detail: 'undeclared entity reference',
      }),
    };
  }
  return { ok: true, xml: text };
}

/** A parsed element: its attributes under `@_name`, its text under `#text`, its children by name. */
export type XmlNode = Record<string, unknown>;

/**
 * Parses a document that passed the intake into plain objects, namespace prefixes removed, every
 * value a string, elements listed in `arrays` always as arrays. No entity is expanded beyond the
 * predefined ones (the intake refused any declaration).
 */
export function parseXml(xml: string, arrays: ReadonlySet<string>): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => arrays.has(name),
  });
  return parser.parse(xml) as XmlNode;
}

/** The root element's local name (namespace prefix removed), or null. */
export function rootName(xml: string): string | null {
  const m = /<(?![?!])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml);
  return m ? m[1]! : null;
}
