import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ssoSeenAssertions, userIdentities } from '#src/db/schema.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type TestApp } from '#test/support/app.ts';
import { MAIL, startSamlIdp, type SamlIdp } from '#test/support/saml-idp.ts';

// Single sign-on with SAML 2.0 (decision 007), against a real signing IdP started in the test:
// its AuthnRequest comes from our redirect, its Response is signed with xml-crypto.

const SITE = 'http://kakehashi.test';
const COORDINATOR = 'coordinator.tohoku@demo.kakehashi.example';

describe.each(ENGINES)('single sign-on with SAML 2.0, on %s', (engine) => {
  let t: TestApp;
  let idp: SamlIdp;
  let providerId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    idp = await startSamlIdp();
    t = await createTestApp(engine, {
      sso: { publicUrl: SITE, allowHttp: true },
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    });
    const admin = await signInAs(t.app, 'admin@demo.kakehashi.example');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/identity-providers',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: {
        institutionId: 'tohoku.ac.jp',
        kind: 'saml',
        displayName: 'GakuNin: Tohoku University',
        samlEntityId: idp.entityId,
        samlSsoUrl: idp.ssoUrl,
        samlCertificate: idp.certificate,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    providerId = res.json().id as string;
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });
  beforeEach(() => {
    idp.fault = {};
    idp.user = { nameId: 'tohoku-saml-0001', attributes: { [MAIL]: COORDINATOR } };
  });

  /** Our start redirect, the IdP's form, and its post to our ACS. */
  async function startAt(cookie?: string): Promise<string> {
    const start = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sso/providers/${providerId}/start`,
      headers: cookie ? { cookie } : {},
    });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toMatch(new RegExp(`^${idp.ssoUrl}\\?SAMLRequest=`));
    return start.headers.location as string;
  }
  async function post(samlResponse: string, action = `${SITE}/api/v1/sso/saml/acs`) {
    const res = await t.app.inject({
      method: 'POST',
      url: new URL(action).pathname,
      payload: new URLSearchParams({ SAMLResponse: samlResponse }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    const session = res.cookies.find((c) => c.name === 'kakehashi_session');
    return {
      location: res.headers.location as string,
      cookie: session ? `kakehashi_session=${session.value}` : undefined,
    };
  }
  async function signIn() {
    const form = await idp.answer(await startAt());
    return post(form.samlResponse, form.action);
  }
  const refused = (code: string) => ({ location: `/sign-in?sso=${code}`, cookie: undefined });

  it('signs in by the mapped address of a signed assertion, with a usable session', async () => {
    const result = await signIn();
    expect(result.location).toBe('/');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: result.cookie! },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().actor.email).toBe(COORDINATOR);
    const links = await t.database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.subject, 'tohoku-saml-0001'));
    expect(links).toHaveLength(1);
  });

  it('accepts an assertion a few seconds past NotOnOrAfter, within the allowed skew', async () => {
    idp.fault = { notOnOrAfterMs: -20_000 };
    expect((await signIn()).location).toBe('/');
  });

  it('refuses an assertion signed with another key', async () => {
    idp.fault = { sign: 'other-key' };
    expect(await signIn()).toEqual(refused('sso.bad_signature'));
  });

  it('refuses an assertion changed after it was signed', async () => {
    idp.fault = { sign: 'tampered' };
    expect(await signIn()).toEqual(refused('sso.bad_signature'));
  });

  it('refuses an unsigned assertion', async () => {
    idp.fault = { sign: 'none' };
    expect(await signIn()).toEqual(refused('sso.unsigned_assertion'));
  });

  it('refuses an assertion meant for another service provider', async () => {
    idp.fault = { audience: 'https://another-sp.example/shibboleth' };
    expect(await signIn()).toEqual(refused('sso.wrong_audience'));
  });

  it('refuses an assertion for another recipient', async () => {
    idp.fault = { recipient: 'https://another-sp.example/Shibboleth.sso/SAML2/POST' };
    expect(await signIn()).toEqual(refused('sso.wrong_audience'));
  });

  it('refuses an expired assertion', async () => {
    idp.fault = { notOnOrAfterMs: -5 * 60_000 };
    expect(await signIn()).toEqual(refused('sso.expired_assertion'));
  });

  it('refuses an answer to a request we never issued', async () => {
    idp.fault = { inResponseTo: '_a-request-we-never-sent' };
    expect(await signIn()).toEqual(refused('sso.unknown_request'));
  });

  it('refuses the same answer twice: the request is used up', async () => {
    const form = await idp.answer(await startAt());
    expect((await post(form.samlResponse)).location).toBe('/');
    expect(await post(form.samlResponse)).toEqual(refused('sso.unknown_request'));
  });

  it('refuses an assertion id already used, even in an answer to a new request', async () => {
    idp.fault = { assertionId: '_assertion-used-once' };
    expect((await signIn()).location).toBe('/');
    expect(await signIn()).toEqual(refused('sso.replayed_assertion'));
    const seen = await t.database.db
      .select()
      .from(ssoSeenAssertions)
      .where(eq(ssoSeenAssertions.assertionId, '_assertion-used-once'));
    expect(seen).toHaveLength(1);
  });

  it('refuses an unlinked identity without the e-mail attribute', async () => {
    idp.user = { nameId: 'tohoku-saml-0002', attributes: {} };
    expect(await signIn()).toEqual(refused('sso.missing_email'));
  });

  it('refuses an address without an account: no account is created', async () => {
    idp.user = { nameId: 'tohoku-saml-0003', attributes: { [MAIL]: 'newcomer@tohoku.example' } };
    expect(await signIn()).toEqual(refused('sso.no_account'));
  });

  it('links an identity from the signed-in account', async () => {
    const reviewer = await signInAs(t.app, 'reviewer@demo.kakehashi.example');
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sso/providers/${providerId}/link`,
      headers: { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrfToken },
    });
    expect(started.statusCode).toBe(200);
    idp.user = { nameId: 'tohoku-saml-0009', attributes: {} };
    const form = await idp.answer(started.json().url);
    expect((await post(form.samlResponse)).location).toBe('/me?sso=linked');
    const result = await signIn();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: result.cookie! },
    });
    expect(me.json().actor.email).toBe('reviewer@demo.kakehashi.example');
  });

  it('logs refusals by code, without the assertion’s personal data or XML', () => {
    const lines = logs.filter((l) => l.includes('single sign-on refused'));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const all = logs.join('\n');
    for (const personal of [
      'newcomer@tohoku.example',
      COORDINATOR,
      'tohoku-saml-',
      '<saml',
      'PHNhbW',
    ]) {
      expect(all).not.toContain(personal);
    }
  });
});
