/**
 * Importing partners' EWP files: every official example of the four kinds imports into a world
 * holding its institutions, and what we then export validates and keeps its content; an unknown
 * institution blocks applying; unsafe files are refused before anything is stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '#src/db/client.ts';
import { detailsOf } from '#src/db/queries/ewp.ts';
import { auditLog, ewpImports, transcripts } from '#src/db/schema.ts';
import { buildIiasGetResponse, parseIiasGetResponse } from '#src/interop/ewp/iia.ts';
import { ewpSpecsDir, validateEwp } from '#src/interop/ewp/schemas.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { systemClock } from '#src/services/clock.ts';
import { iiasGetResponse, omobilitiesGetResponse } from '#src/services/ewp/documents.ts';
import { confirmEwpImport, discardEwpImport, previewEwpImport } from '#src/services/ewp/imports.ts';
import { AppError } from '#src/services/errors.ts';
import { anInstitution } from '#test/factories/index.ts';
import { ENGINES, createTestDatabase } from '#test/support/db.ts';

const dir = ewpSpecsDir();
if (!dir) console.log('EWP specifications folder not found: the import tests are skipped');
const read = (path: string) => readFileSync(join(dir!, path), 'utf8');

const codesOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError)
      return ((e.details.refusals ?? []) as { code: string }[]).map((r) => r.code);
    throw e;
  }
  return [];
};

describe.each(ENGINES)('EWP import, on %s', (engine) => {
  let database: Database;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const [id, country] of [
      ['uw.edu.pl', 'PL'],
      ['hibo.no', 'NO'],
      ['uio.no', 'NO'],
    ] as const) {
      await anInstitution(database.db, { id, country, website: `https://${id}` });
    }
    ctx = {
      db: database.db,
      actor: { id: '00000000-0000-4000-8000-000000000001', platformAdmin: true, roles: [] },
      clock: systemClock,
    };
  });
  afterAll(() => database?.close());

  it('refuses an XXE file and a billion-laughs file before storing anything', async () => {
    const before = await database.db.select().from(ewpImports);
    const xxe = readFileSync(
      new URL('../../src/interop/ewp/fixtures/xxe.xml', import.meta.url),
      'utf8',
    );
    const lol = readFileSync(
      new URL('../../src/interop/ewp/fixtures/billion-laughs.xml', import.meta.url),
      'utf8',
    );
    expect(await codesOf(previewEwpImport(ctx, { content: xxe }))).toEqual(['ewp.dtd_forbidden']);
    expect(await codesOf(previewEwpImport(ctx, { content: lol }))).toEqual(['ewp.dtd_forbidden']);
    expect(await codesOf(previewEwpImport(ctx, { content: '<a><b></a>' }))).toEqual([
      'ewp.not_well_formed',
    ]);
    expect(await codesOf(previewEwpImport(ctx, { content: '<a/>' }))).toEqual(['ewp.unknown_kind']);
    expect(await database.db.select().from(ewpImports)).toHaveLength(before.length);
  });

  describe.skipIf(!dir)('official examples', () => {
    it('refuses a file that breaks the schema (3-digit ISCED code)', async () => {
      const bad = read('iias/v7/examples/get-response-example.xml').replace(
        /<isced-f-code>0314</,
        '<isced-f-code>031<',
      );
      expect(await codesOf(previewEwpImport(ctx, { content: bad }))).toContain('ewp.not_valid');
    });

    it('an IIA: previewed, hash checked, applied on confirmation, re-exported valid', async () => {
      const xml = read('iias/v7/examples/get-response-example.xml');
      const preview = await previewEwpImport(ctx, { content: xml, fileName: 'iia.xml' });
      expect(preview).toMatchObject({
        kind: 'iias',
        status: 'preview',
        unknownInstitutions: [],
        blockers: [],
      });
      expect(preview.items[0]).toMatchObject({
        effect: 'create',
        hashMatches: true,
        validForApproval: true,
      });
      expect(preview.items[0]!.notMapped).toContain('staff-teacher-mobility-spec');
      const applied = await confirmEwpImport(ctx, preview.id);
      expect(applied.status).toBe('applied');
      const recordId = (
        await database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'ewp.agreement_imported'))
      )[0]!.resourceId;
      // The partner's copy is kept whole and re-exports identically.
      const copy = (await detailsOf(database.db, 'agreement', [recordId])).get(
        recordId,
      )!.partnerCopy;
      const original = parseIiasGetResponse(xml);
      expect(parseIiasGetResponse(buildIiasGetResponse([copy as never]))).toEqual(original);
      // Our copy, made from theirs, validates and keeps the student conditions.
      const ours = await iiasGetResponse(database.db, [recordId]);
      expect(await validateEwp(ours, 'iias', dir!)).toEqual({ valid: true });
      const [mine] = parseIiasGetResponse(ours);
      const key = (s: (typeof original)[0]['conditions'][0]) => ({
        sending: s.sendingHeiId,
        receiving: s.receivingHeiId,
        years: [s.firstAcademicYear, s.lastAcademicYear],
        perYear: s.mobilitiesPerYear,
        months: s.totalMonthsPerYear,
        eqf: s.eqfLevels,
        isced: s.subjectAreas.map((a) => a.iscedCode),
        languages: s.languageSkills.map((l) => `${l.language} ${l.cefrLevel}`).sort(),
      });
      expect(mine!.conditions.map(key)).toEqual(
        original[0]!.conditions.filter((s) => s.kind === 'student-studies').map(key),
      );
      // Importing it again compares with our copy instead of creating another.
      const again = await previewEwpImport(ctx, { content: ours });
      expect(again.items[0]).toMatchObject({
        effect: 'keep-partner-copy',
        recordId,
        differences: [],
      });
      expect(await codesOf(confirmEwpImport(ctx, preview.id))).toEqual(['ewp.import_closed']);
      await discardEwpImport(ctx, again.id);
    });

    it('the hash-calculation IIA imports, flagged as not valid for approval', async () => {
      const xml = read('iias/v7/examples/hash-calculation/get-response-v7.xml');
      const preview = await previewEwpImport(ctx, { content: xml });
      expect(preview.items[0]).toMatchObject({ hashMatches: true, validForApproval: false });
      expect((await confirmEwpImport(ctx, preview.id)).status).toBe('applied');
    });

    it('a mobility, its learning agreement and its transcript import and re-export', async () => {
      const om = await previewEwpImport(ctx, {
        content: read('omobilities/v2/examples/get-response-example.xml'),
      });
      expect(om.items[0]).toMatchObject({
        effect: 'create',
        recordId: 'c442c289-5541-4cae-9edb-8ad83e133613',
      });
      await confirmEwpImport(ctx, om.id);
      const mobilityId = om.items[0]!.recordId;
      const exported = await omobilitiesGetResponse(database.db, [mobilityId]);
      expect(await validateEwp(exported, 'omobilities', dir!)).toEqual({ valid: true });
      expect(exported).toContain('urn:schac:personalUniqueCode:int:esi:uio.no:1234567890');
      expect(exported).toContain('<planned-arrival-date>2010-02-01</planned-arrival-date>');

      const la = await previewEwpImport(ctx, {
        content: read('omobility-las/v1/examples/get-response-example.xml'),
      });
      expect(la.items[0]).toMatchObject({ effect: 'keep-partner-copy', recordId: mobilityId });
      await confirmEwpImport(ctx, la.id);
      expect(
        (await detailsOf(database.db, 'learning-agreement', [mobilityId])).get(mobilityId)
          ?.partnerCopy,
      ).toBeTruthy();

      const tor = await previewEwpImport(ctx, {
        content: read('elmo/v1/examples/example.xml'),
        mobilityId,
      });
      expect(tor.blockers).toEqual([]);
      await confirmEwpImport(ctx, tor.id);
      const [row] = await database.db
        .select()
        .from(transcripts)
        .where(eq(transcripts.mobilityId, mobilityId));
      expect(row!.entries.length).toBeGreaterThan(0);
    });

    it('the ToR example names its mobility; without one held here it cannot be applied', async () => {
      const p = await previewEwpImport(ctx, {
        content: read('imobility-tors/v2/examples/get-response-example.xml'),
      });
      expect(p.blockers.map((b) => b.code)).toContain('ewp.missing_field');
      expect(await codesOf(confirmEwpImport(ctx, p.id))).toContain('ewp.missing_field');
    });

    it('valid XML for an unknown institution: the preview says which, nothing applied', async () => {
      const xml = read('iias/v7/examples/get-response-example.xml').replaceAll(
        'hibo.no',
        'unknown.example.no',
      );
      const p = await previewEwpImport(ctx, { content: xml });
      expect(p.unknownInstitutions).toEqual(['unknown.example.no']);
      expect(await codesOf(confirmEwpImport(ctx, p.id))).toEqual(['ewp.import_blocked']);
      const [row] = await database.db.select().from(ewpImports).where(eq(ewpImports.id, p.id));
      expect(row!.status).toBe('preview');
    });
  });
});
