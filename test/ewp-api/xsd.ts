import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The EWP specifications' folder beside the repository. */
export const EWP_DIR = resolve(process.cwd(), '../shared/ewp');

let schemas: { fileName: string; contents: string }[] | undefined;
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.xsd') ? [join(dir, e.name)] : [],
  );

/** The errors of a document against one of the official schemas (`iias/v7/index-response.xsd`). */
export async function schemaErrors(xml: string, schema: string): Promise<string[]> {
  schemas ??= walk(EWP_DIR).map((f) => ({
    fileName: relative(EWP_DIR, f),
    contents: readFileSync(f, 'utf8'),
  }));
  const main = schemas.find((s) => s.fileName === schema);
  if (!main) throw new Error(`no schema ${schema}`);
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: main,
    preload: schemas.filter((s) => s !== main),
  });
  return result.errors.map((e) => e.rawMessage);
}
