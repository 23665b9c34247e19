/**
 * Every official example of the four kinds read and written again: the re-export validates
 * against the official schema and keeps the content Kakehashi reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElmo, parseTranscripts } from './elmo.ts';
import { buildLasGetResponse, checkLa, parseLasGetResponse } from './la.ts';
import {
  buildOMobilitiesGetResponse,
  checkOMobility,
  parseOMobilitiesGetResponse,
} from './omobility.ts';
import { ewpSpecsDir, validateEwp } from './schemas.ts';
import { checkXmlIntake } from './xml.ts';

const dir = ewpSpecsDir();
if (!dir)
  console.log('EWP specifications folder not found: the schema and example tests are skipped');
const read = (path: string) => {
  const r = checkXmlIntake(readFileSync(join(dir!, path), 'utf8'));
  if (!r.ok) throw new Error(r.refusal.code);
  return r.xml;
};

describe.skipIf(!dir)('official examples round-trip', () => {
  it('omobilities get-response', async () => {
    const original = parseOMobilitiesGetResponse(
      read('omobilities/v2/examples/get-response-example.xml'),
    );
    expect(original).toHaveLength(1);
    expect(original[0]!.student.givenNames).toContainEqual({
      text: 'Иван Петрович',
      lang: 'ru-Cyrl',
    });
    expect(checkOMobility(original[0]!, 'x')).toEqual([]);
    const again = buildOMobilitiesGetResponse(original);
    expect(await validateEwp(again, 'omobilities', dir!)).toEqual({ valid: true });
    expect(parseOMobilitiesGetResponse(again)).toEqual(original);
  });

  it('omobility-las get-response', async () => {
    const original = parseLasGetResponse(
      read('omobility-las/v1/examples/get-response-example.xml'),
    );
    expect(original).toHaveLength(1);
    const la = original[0]!;
    expect(la.changesProposal?.id).toBe('59B15BAF222F868493C167125FA32452E946');
    expect(la.changesProposal?.lists['components-recognized']).toEqual([]);
    expect(la.firstVersion?.lists['components-recognized']).toHaveLength(2);
    expect(checkLa(la, 'x')).toEqual([]);
    const again = buildLasGetResponse(original);
    expect(await validateEwp(again, 'las', dir!)).toEqual({ valid: true });
    expect(parseLasGetResponse(again)).toEqual(original);
  });

  it.each(['elmo/v1/examples/example.xml', 'imobility-tors/v2/examples/get-response-example.xml'])(
    'transcript %s',
    async (path) => {
      const original = parseTranscripts(read(path));
      expect(original.length).toBeGreaterThan(0);
      for (const t of original) {
        const again = buildElmo(t.elmo);
        expect(await validateEwp(again, 'elmo', dir!)).toEqual({ valid: true });
        expect(parseTranscripts(again)).toEqual([{ omobilityId: null, elmo: t.elmo }]);
      }
    },
  );
});
