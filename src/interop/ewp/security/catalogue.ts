import type { KeyObject } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { keyFingerprint, publicKeyOf } from './httpsig.ts';

/**
 * The keys of a registry catalogue (EWP Registry API v1, `catalogue-v1.xml`): which public keys
 * the hosts use as clients and as servers, and which HEIs (SCHAC codes) each host covers. The
 * same file format serves the EWP network's registry and a private one between partners.
 */
export interface CatalogueKey {
  publicKey: KeyObject;
  /** The SCHAC codes of the HEIs covered by the hosts using this key (cliauth-httpsig). */
  heiIds: string[];
}

export interface CatalogueKeys {
  clients: Map<string, CatalogueKey>;
  servers: Map<string, CatalogueKey>;
}

export class CatalogueError extends Error {}

type Node = Record<string, unknown>;

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as Node)['#text'] ?? '') : '';
const attr = (v: unknown, name: string): string =>
  v && typeof v === 'object' ? String((v as Node)[`@_${name}`] ?? '') : '';

/** Reads a catalogue document; refuses one with a DTD, or that is no catalogue. */
export function parseCatalogue(xml: string): CatalogueKeys {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CatalogueError('a catalogue has no DTD');
  let doc: Node;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      removeNSPrefix: true,
      processEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
    }).parse(xml, true) as Node;
  } catch (error) {
    throw new CatalogueError(`the catalogue is not well-formed XML: ${(error as Error).message}`);
  }
  if (!('catalogue' in doc)) throw new CatalogueError('the document is not a registry catalogue');
  // An empty catalogue (no host yet) reads as an empty text.
  const catalogue = (
    typeof doc.catalogue === 'object' && doc.catalogue ? doc.catalogue : {}
  ) as Node;
  // The binaries, indexed by the fingerprint of their own content (the attribute is only a hint).
  const keys = new Map<string, KeyObject>();
  for (const binaries of list(catalogue.binaries)) {
    for (const entry of list((binaries as Node)['rsa-public-key'])) {
      try {
        const key = publicKeyOf(text(entry));
        keys.set(keyFingerprint(key), key);
      } catch {
        // A key that does not read is not a key anyone can sign with: left out.
      }
    }
  }
  const clients = new Map<string, CatalogueKey>();
  const servers = new Map<string, CatalogueKey>();
  const bind = (into: Map<string, CatalogueKey>, fingerprint: string, heiIds: string[]) => {
    const publicKey = keys.get(fingerprint);
    if (!publicKey) return;
    const known = into.get(fingerprint);
    if (known) known.heiIds = [...new Set([...known.heiIds, ...heiIds])];
    else into.set(fingerprint, { publicKey, heiIds: [...new Set(heiIds)] });
  };
  for (const host of list(catalogue.host) as Node[]) {
    const heiIds = list((host['institutions-covered'] as Node | undefined)?.['hei-id'])
      .map((h) => text(h).trim())
      .filter(Boolean);
    for (const [element, into] of [
      ['client-credentials-in-use', clients],
      ['server-credentials-in-use', servers],
    ] as const) {
      for (const credentials of list(host[element]) as Node[]) {
        for (const key of list(credentials['rsa-public-key'])) {
          bind(into, attr(key, 'sha-256').toLowerCase(), heiIds);
        }
      }
    }
  }
  return { clients, servers };
}
