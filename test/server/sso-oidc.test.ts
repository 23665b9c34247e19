import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssoRequests, userIdentities, users } from '#src/db/schema.ts';
import { rowsOf } from '#src/db/migrate.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type TestApp } from '#test/support/app.ts';
import { browseProvider, startOidcIdp, type OidcIdp } from '#test/support/oidc-idp.ts';

// Single sign-on with OpenID Connect (decision 007), against a real provider (oidc-provider) on a
// loopback port: its login and consent pages are gone through over HTTP.

const SITE = 'http://kakehashi.test';
const CALLBACK = `${SITE}/api/v1/sso/oidc/callback`;
const COORDINATOR = 'coordinator.tohoku@demo.kakehashi.example';

describe.each(ENGINES)('single sign-on with OpenID Connect, on %s', (engine) => {
  let t: TestApp;
  let idp: OidcIdp;
  let providerId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    idp = await startOidcIdp(CALLBACK);
    t = await createTestApp(engine, {
      sso: { publicUrl: SITE, allowHttp: true },
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    });
    providerId = await addProvider(idp.issuer, 'Tohoku University ID');
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  async function addProvider(issuer: string, displayName: string): Promise<string> {
    const admin = await signInAs(t.app, 'admin@demo.kakehashi.example');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/identity-providers',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: {
        institutionId: 'tohoku.ac.jp',
        kind: 'oidc',
        displayName,
        oidcIssuer: issuer,
        oidcClientId: idp.clientId,
        oidcClientSecret: idp.clientSecret,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).not.toHaveProperty('oidcClientSecret');
    return res.json().id as string;
  }

  /** Starts at our sign-in link, goes through the provider as `login`, and answers our callback. */
  async function signInWith(
    login: string,
    options: {
      provider?: string;
      cookie?: string;
      tamper?: (state: string) => Promise<void>;
      stateCookie?: (state: string) => string | undefined;
    } = {},
  ) {
    const start = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sso/providers/${options.provider ?? providerId}/start`,
      headers: options.cookie ? { cookie: options.cookie } : {},
    });
    expect(start.statusCode).toBe(303);
    const location = start.headers.location as string;
    if (!location.startsWith(idp.issuer)) return { location, cookie: undefined };
    const state = start.cookies.find((c) => c.name === 'kakehashi_sso')!.value;
    await options.tamper?.(state);
    const back = await browseProvider(location, login, CALLBACK);
    const stateCookie = options.stateCookie ? options.stateCookie(state) : state;
    const cookies = [options.cookie, stateCookie ? `kakehashi_sso=${stateCookie}` : undefined];
    const res = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: cookies.filter(Boolean).join('; ') },
    });
    expect(res.statusCode).toBe(303);
    const session = res.cookies.find((c) => c.name === 'kakehashi_session');
    return {
      location: res.headers.location as string,
      cookie: session ? `kakehashi_session=${session.value}` : undefined,
    };
  }

  const refusedWith = (code: string) => `/sign-in?sso=${code}`;

  it('lists the enabled providers by name only, to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/sso/providers' });
    expect(res.json()).toContainEqual({
      id: providerId,
      displayName: 'Tohoku University ID',
      institutionName: expect.any(String),
    });
    expect(Object.keys(res.json()[0]).sort()).toEqual(['displayName', 'id', 'institutionName']);
  });

  it('signs in by a verified address, links the identity, and opens a usable session', async () => {
    idp.accounts.set('tohoku-0001', {
      sub: 'tohoku-0001',
      email: COORDINATOR,
      email_verified: true,
    });
    const result = await signInWith('tohoku-0001');
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
      .where(eq(userIdentities.subject, 'tohoku-0001'));
    expect(links).toHaveLength(1);
    const audits = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT action FROM audit_log WHERE resource_id = ${links[0]!.userId} AND action IN ('sso.link', 'auth.sign-in') ORDER BY id`,
      ),
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['sso.link', 'auth.sign-in']),
    );
  });

  it('signs a linked identity in by its link, whatever address the provider now sends', async () => {
    idp.accounts.set('tohoku-0001', {
      sub: 'tohoku-0001',
      email: 'someone.else@tohoku.example',
      email_verified: false,
    });
    const result = await signInWith('tohoku-0001');
    expect(result.location).toBe('/');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: result.cookie! },
    });
    expect(me.json().actor.email).toBe(COORDINATOR);
  });

  it('refuses an address the provider does not say it verified', async () => {
    idp.accounts.set('tohoku-0002', {
      sub: 'tohoku-0002',
      email: 'reviewer@demo.kakehashi.example',
      email_verified: false,
    });
    const result = await signInWith('tohoku-0002');
    expect(result).toEqual({ location: refusedWith('sso.no_account'), cookie: undefined });
  });

  it('creates no account for a verified address nobody has: ask for an invitation', async () => {
    idp.accounts.set('tohoku-0003', {
      sub: 'tohoku-0003',
      email: 'newcomer@tohoku.example',
      email_verified: true,
    });
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    const result = await signInWith('tohoku-0003');
    expect(result).toEqual({ location: refusedWith('sso.no_account'), cookie: undefined });
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after).toEqual(before);
  });

  it('refuses an identity without an address', async () => {
    idp.accounts.set('tohoku-0004', { sub: 'tohoku-0004' });
    expect((await signInWith('tohoku-0004')).location).toBe(refusedWith('sso.missing_email'));
  });

  it('refuses a disabled account', async () => {
    await t.database.db
      .update(users)
      .set({ disabled: true })
      .where(eq(users.email, 'student.tohoku@demo.kakehashi.example'));
    idp.accounts.set('tohoku-0005', {
      sub: 'tohoku-0005',
      email: 'student.tohoku@demo.kakehashi.example',
      email_verified: true,
    });
    expect((await signInWith('tohoku-0005')).location).toBe(refusedWith('sso.account_disabled'));
  });

  it('refuses an answer whose state is not the one this browser started with', async () => {
    idp.accounts.set('tohoku-0001', {
      sub: 'tohoku-0001',
      email: COORDINATOR,
      email_verified: true,
    });
    const result = await signInWith('tohoku-0001', { stateCookie: () => 'another-browsers-state' });
    expect(result).toEqual({ location: refusedWith('sso.state_mismatch'), cookie: undefined });
    const noCookie = await signInWith('tohoku-0001', { stateCookie: () => undefined });
    expect(noCookie.location).toBe(refusedWith('sso.state_mismatch'));
  });

  it('refuses an ID token whose nonce is not the one of our request', async () => {
    const result = await signInWith('tohoku-0001', {
      tamper: async (state) => {
        await t.database.db
          .update(ssoRequests)
          .set({ nonce: 'a-nonce-we-never-sent' })
          .where(eq(ssoRequests.id, state));
      },
    });
    expect(result).toEqual({ location: refusedWith('sso.nonce_mismatch'), cookie: undefined });
  });

  it('refuses a provider whose issuer is not the configured one', async () => {
    // The same provider, configured under another name of its address: its metadata says otherwise.
    const elsewhere = await addProvider(idp.issuer.replace('127.0.0.1', 'localhost'), 'Misnamed');
    const result = await signInWith('tohoku-0001', { provider: elsewhere });
    expect(result).toEqual({ location: refusedWith('sso.wrong_issuer'), cookie: undefined });
  });

  it('links an identity from the signed-in account', async () => {
    const reviewer = await signInAs(t.app, 'reviewer@demo.kakehashi.example');
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sso/providers/${providerId}/link`,
      headers: { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrfToken },
    });
    expect(started.statusCode).toBe(200);
    const state = started.cookies.find((c) => c.name === 'kakehashi_sso')!.value;
    idp.accounts.set('tohoku-0009', { sub: 'tohoku-0009' });
    const back = await browseProvider(started.json().url, 'tohoku-0009', CALLBACK);
    const res = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: `${reviewer.cookie}; kakehashi_sso=${state}` },
    });
    expect(res.headers.location).toBe('/me?sso=linked');
    // Now the identity signs in alone, though its provider sends no address.
    const result = await signInWith('tohoku-0009');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: result.cookie! },
    });
    expect(me.json().actor.email).toBe('reviewer@demo.kakehashi.example');
  });

  it('keeps identity providers to platform administrators', async () => {
    const coordinator = await signInAs(t.app, COORDINATOR);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/identity-providers',
      headers: { cookie: coordinator.cookie },
    });
    expect(res.statusCode).toBe(403);
  });

  it('logs refusals by code, without the addresses the provider sent', () => {
    const refused = logs.filter((l) => l.includes('single sign-on refused'));
    expect(refused.length).toBeGreaterThanOrEqual(6);
    const all = logs.join('\n');
    for (const personal of [
      'newcomer@tohoku.example',
      'reviewer@demo',
      'student.tohoku@demo',
      'tohoku-000',
    ]) {
      expect(all).not.toContain(personal);
    }
  });
});
