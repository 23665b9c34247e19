/**
 * Validation against the official EWP and ELMO XSDs. The schemas are the standard's files, not
 * Kakehashi's: they are read from the specifications folder beside the repository (or the folder
 * `EWP_SPECS_DIR` names), never copied into it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { refusal, type Refusal } from '../../domain/shared/refusal.ts';
import { EWP_CODES } from '../../domain/ewp/refusal-codes.ts';

/** The document kinds Kakehashi reads and writes, with the schema of each. */
export const EWP_SCHEMAS = {
  iias: 'iias/v7/get-response.xsd',
  omobilities: 'omobilities/v2/get-response.xsd',
  las: 'omobility-las/v1/get-response.xsd',
  tors: 'imobility-tors/v2/get-response.xsd',
  elmo: 'elmo/v1/schema.xsd',
} as const;
export type EwpKind = keyof typeof EWP_SCHEMAS;

/** The root element of each kind. */
export const ROOTS: Readonly<Record<string, EwpKind>> = {
  'iias-get-response': 'iias',
  'omobilities-get-response': 'omobilities',
  'omobility-las-get-response': 'las',
  'imobility-tors-get-response': 'tors',
  elmo: 'elmo',
};

/** The specifications folder, or null when this checkout has none. */
export function ewpSpecsDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.EWP_SPECS_DIR ?? resolve(process.cwd(), '../shared/ewp');
  return existsSync(join(dir, EWP_SCHEMAS.iias)) ? dir : null;
}

type Loaded = { fileName: string; contents: string }[];
const cache = new Map<string, Loaded>();

/** Every XSD of the folder, by path relative to it (the schemas import each other relatively). */
function schemasIn(dir: string): Loaded {
  const hit = cache.get(dir);
  if (hit) return hit;
  const files: Loaded = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.xsd')) {
        files.push({ fileName: relative(dir, p), contents: readFileSync(p, 'utf8') });
      }
    }
  };
  walk(dir);
  cache.set(dir, files);
  return files;
}

export type SchemaVerdict = { valid: true } | { valid: false; refusals: Refusal[] };

/** Validates a document of a kind against its official schema (the folder must exist). */
export async function validateEwp(xml: string, kind: EwpKind, dir: string): Promise<SchemaVerdict> {
  const all = schemasIn(dir);
  const schemaFile = EWP_SCHEMAS[kind];
  const schema = all.find((f) => f.fileName === schemaFile);
  if (!schema) throw new Error(`missing schema ${schemaFile}`);
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema,
    preload: all.filter((f) => f !== schema),
  });
  if (result.valid) return { valid: true };
  return {
    valid: false,
    refusals: result.errors
      .slice(0, 20)
      .map((e) =>
        refusal(EWP_CODES.notValid, { line: e.loc?.lineNumber ?? 0, detail: e.message.trim() }),
      ),
  };
}
