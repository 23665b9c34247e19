/**
 * Our records exported as EWP documents: every kind validates against the official schema; a
 * record lacking what the specifications make mandatory is refused, naming the field.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { upsertDetails } from '#src/db/queries/ewp.ts';
import type { MobilityEwpDetails } from '#src/domain/ewp/details.ts';
import { parseIiasGetResponse, iiaHash } from '#src/interop/ewp/iia.ts';
import { ewpSpecsDir, validateEwp } from '#src/interop/ewp/schemas.ts';
import {
  elmoDocument,
  iiasGetResponse,
  omobilitiesGetResponse,
  omobilityLasGetResponse,
} from '#src/services/ewp/documents.ts';
import { AppError } from '#src/services/errors.ts';
import {
  aMobility,
  aSignedLearningAgreement,
  aTranscript,
  anAgreement,
  anInstitution,
} from '#test/factories/index.ts';
import { ENGINES, createTestDatabase } from '#test/support/db.ts';

const dir = ewpSpecsDir();
if (!dir) console.log('EWP specifications folder not found: the schema tests are skipped');

const refusalsOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError)
      return (e.details.refusals as { code: string; params: object }[]) ?? [];
    throw e;
  }
  return [];
};

const DETAILS: MobilityEwpDetails = {
  iscedCode: '0533',
  languageSkill: { language: 'fr', cefrLevel: 'B2' },
  sendingContact: { givenNames: 'Hanako', familyName: 'Sato', email: 'intl@tsukuba.example' },
  receivingContact: { givenNames: 'Claire', familyName: 'Martin', email: 'intl@uga.example' },
};

describe.each(ENGINES)('EWP export of our records, on %s', (engine) => {
  let database: Database;
  let agreementId: string;
  let consortiumAgreementId: string;
  let mobilityId: string;
  let bareMobilityId: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const home = await anInstitution(db, { country: 'JP' });
    const host = await anInstitution(db, { country: 'FR', website: 'https://host.example' });
    agreementId = (
      await anAgreement(db, {
        partyA: { type: 'institution', id: home.id },
        partyB: { type: 'institution', id: host.id },
      })
    ).id;
    consortiumAgreementId = (await anAgreement(db)).id;
    const m = await aMobility(db, {
      home,
      host,
      agreement: { id: agreementId },
      studentName: 'Taro Yamada',
      status: 'transcript_issued',
    });
    mobilityId = m.id;
    const components = [
      { id: 'c1', hostCode: 'PHY-301', homeCode: 'P301' },
      { id: 'c2', hostCode: 'PHY-302', homeCode: null },
    ];
    await aSignedLearningAgreement(db, m, components);
    await aTranscript(db, m.id, components);
    await upsertDetails(db, 'mobility', m.id, DETAILS, null);
    const bare = await aMobility(db, { home, host, agreement: { id: agreementId } });
    await aSignedLearningAgreement(db, bare, components);
    bareMobilityId = bare.id;
  });
  afterAll(() => database?.close());

  it('an agreement between institutions: one condition per direction, hashed', async () => {
    const xml = await iiasGetResponse(database.db, [agreementId, 'not-ours', randomUUID()]);
    const [iia] = parseIiasGetResponse(xml);
    expect(iia!.partners[0].iiaId).toBe(agreementId);
    expect(iia!.conditions).toHaveLength(2);
    expect(iia!.conditions[0]).toMatchObject({
      firstAcademicYear: '2027/2028',
      lastAcademicYear: '2028/2029',
      mobilitiesPerYear: 6,
      totalMonthsPerYear: 36,
      eqfLevels: [6, 7, 8],
      subjectAreas: [{ iscedCode: '0533' }],
    });
    expect(iia!.hash).toBe(iiaHash(iia!));
  });

  it('unknown ids are dropped silently', async () => {
    const xml = await iiasGetResponse(database.db, [randomUUID(), 'x']);
    expect(parseIiasGetResponse(xml)).toEqual([]);
  });

  it('an agreement between consortia is refused as not bilateral', async () => {
    const refusals = await refusalsOf(iiasGetResponse(database.db, [consortiumAgreementId]));
    expect(refusals.map((r) => r.code)).toContain('ewp.not_bilateral');
  });

  it('a learning agreement without contact persons is refused, naming each missing field', async () => {
    const refusals = await refusalsOf(omobilityLasGetResponse(database.db, [bareMobilityId]));
    const fields = refusals.map((r) => (r.params as { field: string }).field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'sending-hei.contact-person.given-names',
        'receiving-hei.contact-person.email',
        'isced-f-code',
        'student-language-skill.language',
      ]),
    );
    expect(refusals.every((r) => r.code === 'ewp.missing_field')).toBe(true);
  });

  describe.skipIf(!dir)('against the official schemas', () => {
    it('IIAs v7', async () => {
      const xml = await iiasGetResponse(database.db, [agreementId]);
      expect(await validateEwp(xml, 'iias', dir!)).toEqual({ valid: true });
    });
    it('OMobilities v2', async () => {
      const xml = await omobilitiesGetResponse(database.db, [mobilityId, bareMobilityId]);
      expect(await validateEwp(xml, 'omobilities', dir!)).toEqual({ valid: true });
    });
    it('OMobility LAs v1, with its signatures', async () => {
      const xml = await omobilityLasGetResponse(database.db, [mobilityId]);
      expect(xml).toContain('<receiving-hei-signature>');
      expect(await validateEwp(xml, 'las', dir!)).toEqual({ valid: true });
    });
    it('ELMO 1.7, with grades, credits and our grade scale as grading scheme', async () => {
      const xml = await elmoDocument(database.db, mobilityId, new Date('2026-08-01T00:00:00Z'));
      expect(xml).toContain('<resultLabel>5</resultLabel>');
      expect(xml).toContain('<gradingScheme localId="ru-5">');
      expect(xml).toContain('ECTS');
      expect(await validateEwp(xml!, 'elmo', dir!)).toEqual({ valid: true });
    });
  });
});
