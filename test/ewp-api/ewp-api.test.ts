import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import { parseCatalogue } from '#src/interop/ewp/security/catalogue.ts';
import { fixedClock } from '#src/services/clock.ts';
import { staticRegistry, type EwpHostConfig } from '#src/services/ewp-host/config.ts';
import type { EwpDocuments } from '#src/services/ewp-host/documents.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  call,
  fingerprint,
  manifestServerKeys,
  responseProblem,
  type ClientOptions,
  type EwpCall,
} from './client.ts';
import { EWP_DIR, schemaErrors } from './xsd.ts';

// Serving the Erasmus Without Paper APIs for a deployment that is an EWP host: Grenoble Alpes
// serves, Tsukuba calls (their 1997 agreement and the exchanges under it, source document 004).
// The client is written from the EWP security specifications, apart from the server's code.

const NOW = new Date('2026-12-01T09:00:00Z');
const HOST = 'ewp.univ-grenoble-alpes.example';
const OWN = 'univ-grenoble-alpes.fr';
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const serverKey = rsa();
const tsukubaKey = rsa();
const nsuKey = rsa();
const strangerKey = rsa();

const der = (key: KeyObject) =>
  createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');

/** A private registry catalogue: Tsukuba's and Novosibirsk's hosts with their client keys. */
const catalogue = `<catalogue xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1">
  <host>
    <institutions-covered><hei-id>tsukuba.ac.jp</hei-id></institutions-covered>
    <client-credentials-in-use><rsa-public-key sha-256="${fingerprint(tsukubaKey)}"/></client-credentials-in-use>
  </host>
  <host>
    <institutions-covered><hei-id>nsu.ru</hei-id></institutions-covered>
    <client-credentials-in-use><rsa-public-key sha-256="${fingerprint(nsuKey)}"/></client-credentials-in-use>
  </host>
  <binaries>
    <rsa-public-key sha-256="${fingerprint(tsukubaKey)}">${der(tsukubaKey)}</rsa-public-key>
    <rsa-public-key sha-256="${fingerprint(nsuKey)}">${der(nsuKey)}</rsa-public-key>
  </binaries>
</catalogue>`;

const hostConfig: EwpHostConfig = {
  heiId: OWN,
  baseUrl: `https://${HOST}`,
  privateKey: serverKey,
  adminEmails: ['ewp-admin@univ-grenoble-alpes.example'],
  adminProvider: 'Kakehashi',
  maxIds: 3,
  registry: staticRegistry(parseCatalogue(catalogue)),
};

/** The documents of the get endpoints: the official examples, and the ids they were asked. */
const asked: Record<string, string[][]> = { iias: [], omobilities: [], las: [] };
const example = (path: string) => readFileSync(join(EWP_DIR, path), 'utf8');
const documents: EwpDocuments = {
  iias: async (_db, ids) => {
    asked.iias!.push(ids);
    return example('iias/v7/examples/get-response-example.xml');
  },
  omobilities: async (_db, ids) => {
    asked.omobilities!.push(ids);
    return example('omobilities/v2/examples/get-response-example.xml');
  },
  omobilityLas: async (_db, ids) => {
    asked.las!.push(ids);
    return example('omobility-las/v1/examples/get-response-example.xml');
  },
};

describe.each(ENGINES)('EWP host APIs with HTTP Signatures, on %s', (engine) => {
  let t: TestApp;
  let tsukuba: ClientOptions;
  let nsu: ClientOptions;
  let serverKeys: Map<string, KeyObject>;
  let agreementId: string;
  let outgoing: string[];
  let withLa: string;

  const get = (url: string): EwpCall => ({ method: 'GET', url });
  const ids = (xml: string, element: string) =>
    [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((m) => m[1]!);

  beforeAll(async () => {
    t = await createTestApp(engine, {
      clock: fixedClock(NOW),
      ewp: { host: hostConfig, documents },
    });
    const one = async (query: string) =>
      rowsOf<{ id: string }>(await t.database.db.execute(sql.raw(query))).map((r) => r.id);
    const [agreement] = await one(
      `SELECT id FROM agreements WHERE party_a_id = 'tsukuba.ac.jp' AND party_b_id = '${OWN}'`,
    );
    agreementId = agreement!;
    outgoing = await one(
      `SELECT id FROM mobilities WHERE home_id = '${OWN}' AND host_id = 'tsukuba.ac.jp' ORDER BY start_date, id`,
    );
    withLa = outgoing[0]!;
    await t.database.db.execute(
      sql`INSERT INTO learning_agreements (mobility_id, document, current_version) VALUES (${withLa}, '{}'::jsonb, 1)`,
    );
    const manifest = await t.app.inject({ method: 'GET', url: '/ewp/manifest.xml' });
    serverKeys = manifestServerKeys(manifest.body);
    const now = () => NOW;
    tsukuba = { app: t.app, host: HOST, key: tsukubaKey, now };
    nsu = { app: t.app, host: HOST, key: nsuKey, now };
  });
  afterAll(async () => t?.close());

  it('publishes a valid Discovery manifest: the APIs, our one institution, the server key', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/ewp/manifest.xml',
      headers: { host: HOST },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(await schemaErrors(res.body, 'discovery/v6/manifest.xsd')).toEqual([]);
    // Every API entry checked strictly too (the manifest schema processes them laxly).
    expect(await schemaErrors(res.body, '_local/manifest-with-all-entries.xsd')).toEqual([]);
    expect(res.body).toContain(`<r:hei id="${OWN}">`);
    expect(res.body).toContain(`https://${HOST}/ewp/iias/index`);
    expect(res.body).toContain('<max-iia-ids>3</max-iia-ids>');
    // The client learns the server's key from the manifest, as it would from the registry.
    expect([...serverKeys.keys()]).toEqual([fingerprint(serverKey)]);
  });

  it('echoes the caller’s institution and values, GET and POST, in a signed response', async () => {
    const sent = await call(tsukuba, get('/ewp/echo?echo=a&echo=%E6%A9%8B'));
    expect(sent.response.statusCode).toBe(200);
    expect(await schemaErrors(sent.response.body, 'echo/v2/response.xsd')).toEqual([]);
    expect(ids(sent.response.body, 'hei-id')).toEqual(['tsukuba.ac.jp']);
    expect(ids(sent.response.body, 'echo')).toEqual(['a', '橋']);
    expect(responseProblem(sent, serverKeys, NOW)).toBeNull();

    const posted = await call(tsukuba, {
      method: 'POST',
      url: '/ewp/echo',
      form: [
        ['echo', 'x'],
        ['echo', 'y'],
      ],
    });
    expect(posted.response.statusCode).toBe(200);
    expect(ids(posted.response.body, 'echo')).toEqual(['x', 'y']);
    expect(responseProblem(posted, serverKeys, NOW)).toBeNull();
  });

  it('signs only when asked (Accept-Signature)', async () => {
    const sent = await call(tsukuba, get('/ewp/echo'), { noAcceptSignature: true });
    expect(sent.response.statusCode).toBe(200);
    expect(sent.response.headers.signature).toBeUndefined();
  });

  it.each([
    ['an unsigned request', { unsigned: true }, {}, 'no Authorization header'],
    [
      'a body other than the signed one (digest mismatch)',
      { sentBody: 'echo=z' },
      {},
      'Digest header is not the SHA-256 of the body',
    ],
    [
      'a date 6 minutes old',
      { date: new Date(NOW.getTime() - 6 * 60_000) },
      {},
      'too far from our clock',
    ],
    ['an unknown key', {}, { key: strangerKey }, 'not the fingerprint of a known client key'],
    [
      'a signature by another key than the one named',
      {},
      { key: strangerKey, keyId: fingerprint(tsukubaKey) },
      'does not verify',
    ],
  ])('answers 401 with an error-response to %s', async (_label, tamper, client, why) => {
    const sent = await call(
      { ...tsukuba, ...client },
      { method: 'POST', url: '/ewp/echo', form: [['echo', 'a']] },
      tamper,
    );
    expect(sent.response.statusCode).toBe(401);
    expect(sent.response.headers['www-authenticate']).toBe('Signature realm="EWP"');
    expect(await schemaErrors(sent.response.body, 'architecture/v1/common-types.xsd')).toEqual([]);
    expect(sent.response.body).toContain(why);
    // Error responses are signed like the others; no request signature was accepted.
    expect(responseProblem({ ...sent, signature: undefined }, serverKeys, NOW)).toBeNull();
    expect(sent.response.headers['x-request-signature']).toBeUndefined();
  });

  it('lists the agreements with the caller, filtered by modified_since and academic year', async () => {
    const index = await call(tsukuba, get('/ewp/iias/index'));
    expect(index.response.statusCode).toBe(200);
    expect(await schemaErrors(index.response.body, 'iias/v7/index-response.xsd')).toEqual([]);
    expect(ids(index.response.body, 'iia-id')).toEqual([agreementId]);
    expect(responseProblem(index, serverKeys, NOW)).toBeNull();

    const later = await call(tsukuba, get('/ewp/iias/index?modified_since=2030-01-01T00:00:00Z'));
    expect(ids(later.response.body, 'iia-id')).toEqual([]);
    const earlier = await call(
      tsukuba,
      get('/ewp/iias/index?modified_since=1990-01-01T00:00:00%2B09:00'),
    );
    expect(ids(earlier.response.body, 'iia-id')).toEqual([agreementId]);
    const medieval = await call(
      tsukuba,
      get('/ewp/iias/index?receiving_academic_year_id=1400/1401'),
    );
    expect(ids(medieval.response.body, 'iia-id')).toEqual([]);

    // Novosibirsk has no agreement with Grenoble: nothing to list.
    const other = await call(nsu, get('/ewp/iias/index'));
    expect(ids(other.response.body, 'iia-id')).toEqual([]);
  });

  it('answers 400 with an error-response to bad parameters', async () => {
    for (const url of [
      '/ewp/iias/index?modified_since=yesterday',
      '/ewp/iias/index?receiving_academic_year_id=2026-2027',
      '/ewp/iias/get',
      '/ewp/iias/get?iia_id=a&iia_id=b&iia_id=c&iia_id=d',
      '/ewp/omobilities/index',
      `/ewp/omobilities/index?sending_hei_id=${OWN}&sending_hei_id=${OWN}`,
      `/ewp/omobility-las/get?sending_hei_id=${OWN}`,
    ]) {
      const sent = await call(tsukuba, get(url));
      expect(sent.response.statusCode, url).toBe(400);
      expect(sent.response.body, url).toContain('<developer-message>');
      expect(responseProblem(sent, serverKeys, NOW), url).toBeNull();
    }
  });

  it('gets the agreements the caller may read, unknown ids dropped', async () => {
    asked.iias = [];
    const sent = await call(
      tsukuba,
      get(
        `/ewp/iias/get?iia_id=${agreementId}&iia_id=unknown-id&iia_id=00000000-0000-4000-8000-000000000000`,
      ),
    );
    expect(sent.response.statusCode).toBe(200);
    expect(asked.iias).toEqual([[agreementId]]);
    expect(sent.response.body).toBe(example('iias/v7/examples/get-response-example.xml'));
    expect(responseProblem(sent, serverKeys, NOW)).toBeNull();

    await call(nsu, get(`/ewp/iias/get?iia_id=${agreementId}`));
    expect(asked.iias.at(-1)).toEqual([]);
  });

  it('serves the agreement our records make when no documents are plugged in', async () => {
    const own = await createTestApp(engine, { clock: fixedClock(NOW), ewp: { host: hostConfig } });
    try {
      const [id] = rowsOf<{ id: string }>(
        await own.database.db.execute(
          sql.raw(
            `SELECT id FROM agreements WHERE party_a_id = 'tsukuba.ac.jp' AND party_b_id = '${OWN}'`,
          ),
        ),
      ).map((r) => r.id);
      const sent = await call({ ...tsukuba, app: own.app }, get(`/ewp/iias/get?iia_id=${id}`));
      expect(sent.response.statusCode, sent.response.body).toBe(200);
      expect(await schemaErrors(sent.response.body, 'iias/v7/get-response.xsd')).toEqual([]);
      expect(sent.response.body).toContain(`<iia-id>${id}</iia-id>`);
    } finally {
      await own.close();
    }
  });

  it('lists and gets the mobilities Grenoble sends to the caller', async () => {
    const index = await call(tsukuba, get(`/ewp/omobilities/index?sending_hei_id=${OWN}`));
    expect(index.response.statusCode).toBe(200);
    expect(await schemaErrors(index.response.body, 'omobilities/v2/index-response.xsd')).toEqual(
      [],
    );
    expect(ids(index.response.body, 'omobility-id')).toEqual(outgoing);
    expect(responseProblem(index, serverKeys, NOW)).toBeNull();

    const filtered = async (query: string) =>
      ids(
        (await call(tsukuba, get(`/ewp/omobilities/index?sending_hei_id=${OWN}&${query}`))).response
          .body,
        'omobility-id',
      );
    expect(
      await filtered('receiving_hei_id=tsukuba.ac.jp&receiving_hei_id=unknown.example'),
    ).toEqual(outgoing);
    expect(await filtered('receiving_hei_id=unknown.example')).toEqual([]);
    expect(await filtered('receiving_academic_year_id=1990/1991')).toEqual([]);
    // Another sender's mobilities are not ours to serve.
    const theirs = await call(tsukuba, get('/ewp/omobilities/index?sending_hei_id=tsukuba.ac.jp'));
    expect(ids(theirs.response.body, 'omobility-id')).toEqual([]);
    const stranger = await call(nsu, get(`/ewp/omobilities/index?sending_hei_id=${OWN}`));
    expect(ids(stranger.response.body, 'omobility-id')).toEqual([]);

    asked.omobilities = [];
    const got = await call(tsukuba, {
      method: 'POST',
      url: '/ewp/omobilities/get',
      form: [
        ['sending_hei_id', OWN],
        ['omobility_id', outgoing[1]!],
        ['omobility_id', 'nope'],
      ],
    });
    expect(got.response.statusCode).toBe(200);
    expect(asked.omobilities).toEqual([[outgoing[1]]]);
    expect(responseProblem(got, serverKeys, NOW)).toBeNull();
  });

  it('lists and gets the learning agreements of those mobilities', async () => {
    const index = await call(tsukuba, get(`/ewp/omobility-las/index?sending_hei_id=${OWN}`));
    expect(index.response.statusCode).toBe(200);
    expect(await schemaErrors(index.response.body, 'omobility-las/v1/index-response.xsd')).toEqual(
      [],
    );
    expect(ids(index.response.body, 'omobility-id')).toEqual([withLa]);

    asked.las = [];
    const got = await call(
      tsukuba,
      get(
        `/ewp/omobility-las/get?sending_hei_id=${OWN}&omobility_id=${withLa}&omobility_id=${outgoing[1]}`,
      ),
    );
    expect(got.response.statusCode).toBe(200);
    expect(asked.las).toEqual([[withLa]]);
    expect(got.response.body).toBe(example('omobility-las/v1/examples/get-response-example.xml'));
    expect(responseProblem(got, serverKeys, NOW)).toBeNull();
  });
});

describe('a deployment that is no EWP host', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { seed: false });
  });
  afterAll(async () => t?.close());

  it('answers 404 on every EWP route', async () => {
    for (const url of [
      '/ewp/manifest.xml',
      '/ewp/echo',
      '/ewp/iias/index',
      '/ewp/omobilities/get',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
  });
});
