import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  acceptSignature,
  digestHeader,
  digestMatches,
  keyFingerprint,
  parseAuthorization,
  parseSignatureParams,
  publicKeyOf,
  signRequest,
  signResponse,
  signingString,
  verifyRequest,
  verifyResponse,
} from './httpsig.ts';

// The key of the registry catalogue example (EWP Registry API v1), with the fingerprint the
// catalogue gives it in rsa-public-key/@sha-256.
const REGISTRY_EXAMPLE_KEY = `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkQojIPtX+BYGGC2f1zXrU3ijq5oApW6Y
A+mSiB3p5pEQRUuvIHKbSKRXQaW/5hORYpWU1GzU2Wq99vykjX9b8GQlM+0xbFP0cILIhjz23R0Q
53mKcf2xAzQt2b3f56QOnjUaKbXsuB+ejTLAtQ4DyKYSodCzUFkuUZUw+TK7G9ySMbcVHqrG8qDC
w3/7CXkN0Wf9HpSnYP5fwd426fayu6RXGeX5vUuX5BJkjsxoL8Smn7TB31LSFn3LbQLzG4UuxGaG
gHWZCMSC35dX2d3z4zcpZxgyN8LNWXCf4g95b20Ljsbnvk1dIUTJtRJJ29zbWXcgXgVl69UKQx8N
xXIx6wIDAQAB`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const NOW = new Date('2026-12-01T10:00:00Z');
const REQUEST_ID = '6f0e8a52-7d1f-4e1b-9b55-3b1c2f9d1a10';

describe('keys and digests', () => {
  it('fingerprints a key as the registry does: SHA-256 of its DER, in hex', () => {
    expect(keyFingerprint(REGISTRY_EXAMPLE_KEY)).toBe(
      '5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4',
    );
    expect(keyFingerprint(privateKey)).toBe(keyFingerprint(publicKeyOf(privateKey)));
  });

  it('digests a body with SHA-256 (RFC 3230, RFC 5843); an empty body has the empty digest', () => {
    expect(digestHeader('')).toBe('SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(digestHeader(undefined)).toBe(digestHeader(''));
    expect(digestMatches(digestHeader('a=1'), 'a=1')).toBe(true);
    expect(digestMatches(digestHeader('a=1'), 'a=2')).toBe(false);
    // Several instance digests, the algorithm name in any case.
    const value = digestHeader('x').slice('SHA-256='.length);
    expect(digestMatches(`MD5=abc, sha-256=${value}`, 'x')).toBe(true);
    expect(digestMatches(undefined, '')).toBe(false);
  });
});

describe('signature parameters and signing strings (draft-cavage-07)', () => {
  it('reads an Authorization header and a Signature header', () => {
    const p = parseAuthorization(
      'Signature keyId="abc",algorithm="rsa-sha256",headers="(request-target) host date",signature="c2ln"',
    );
    expect(p).toEqual({
      keyId: 'abc',
      algorithm: 'rsa-sha256',
      headers: ['(request-target)', 'host', 'date'],
      signature: 'c2ln',
    });
    expect(parseSignatureParams('keyId="k",signature="s"')?.headers).toEqual(['date']);
    expect(parseAuthorization('Bearer abc')).toBeNull();
    expect(parseSignatureParams('keyId="k",signature=s')).toBeNull();
    expect(parseSignatureParams('keyId="k"')).toBeNull();
  });

  it('builds one line per header, (request-target) as method and target', () => {
    expect(
      signingString(['(request-target)', 'host', 'x-a'], {
        method: 'POST',
        target: '/ewp/echo?x=1',
        headers: { host: 'ewp.example.org', 'x-a': ['1', ' 2 '] },
      }),
    ).toBe('(request-target): post /ewp/echo?x=1\nhost: ewp.example.org\nx-a: 1, 2');
    expect(signingString(['date'], { headers: {} })).toBeNull();
  });
});

const client = { publicKey: publicKeyOf(privateKey), heiIds: ['univ-grenoble-alpes.fr'] };
const lookupKey = (keyId: string) => (keyId === keyFingerprint(privateKey) ? client : null);

function signed(body = 'echo=a', at = NOW) {
  return signRequest({
    method: 'POST',
    target: '/ewp/echo',
    host: 'ewp.example.org',
    body,
    now: at,
    requestId: REQUEST_ID,
    privateKey,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

const verify = (headers: Record<string, string>, body = 'echo=a', extra = {}) =>
  verifyRequest({
    method: 'POST',
    target: '/ewp/echo',
    headers,
    body,
    expectedHost: 'ewp.example.org',
    now: NOW,
    lookupKey,
    ...extra,
  });

describe('client requests (cliauth-httpsig)', () => {
  it('accepts a signed request and names the client', () => {
    const result = verify(signed());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.client.heiIds).toEqual(['univ-grenoble-alpes.fr']);
      expect(result.signedHeaders).toEqual(
        expect.arrayContaining(['(request-target)', 'host', 'date', 'digest', 'x-request-id']),
      );
    }
  });

  it.each([
    ['unsigned', (h: Record<string, string>) => ({ ...h, authorization: '' })],
    [
      'algorithm',
      (h: Record<string, string>) => ({
        ...h,
        authorization: h.authorization!.replace('rsa-sha256', 'hmac-sha256'),
      }),
    ],
    [
      'headers_not_signed',
      (h: Record<string, string>) => ({
        ...h,
        authorization: h.authorization!.replace(' digest', ''),
      }),
    ],
    ['host', (h: Record<string, string>) => ({ ...h, host: 'elsewhere.example.org' })],
    [
      'unknown_key',
      (h: Record<string, string>) => ({
        ...h,
        authorization: h.authorization!.replace(keyFingerprint(privateKey), 'ab'.repeat(32)),
      }),
    ],
    ['request_id', (h: Record<string, string>) => ({ ...h, 'x-request-id': 'not-a-uuid' })],
    ['signature', (h: Record<string, string>) => ({ ...h, 'content-type': 'text/plain' })],
  ])('refuses a request: %s', (reason, tamper) => {
    const result = verify(tamper(signed()));
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('refuses a body that is not the one digested, and a date more than 5 minutes off', () => {
    expect(verify(signed(), 'echo=b')).toMatchObject({ ok: false, reason: 'digest' });
    const stale = signed('echo=a', new Date(NOW.getTime() - 6 * 60_000));
    expect(verify(stale)).toMatchObject({ ok: false, reason: 'date' });
    const early = signed('echo=a', new Date(NOW.getTime() + 4 * 60_000));
    expect(verify(early).ok).toBe(true);
  });

  it('accepts Original-Date in place of a Date a proxy may rewrite, and checks it', () => {
    const withOriginal = (at: Date) =>
      signRequest({
        method: 'POST',
        target: '/ewp/echo',
        host: 'ewp.example.org',
        body: 'echo=a',
        now: NOW,
        requestId: REQUEST_ID,
        privateKey,
        headers: { 'original-date': at.toUTCString() },
      });
    // The proxy's Date is not signed any more: only Original-Date is.
    const fresh = withOriginal(NOW);
    const rewritten = (h: Record<string, string>) => {
      const params = parseAuthorization(h.authorization)!;
      const names = params.headers.filter((n) => n !== 'date');
      const text = signingString(names, { method: 'POST', target: '/ewp/echo', headers: h })!;
      const signature = createSign('sha256').update(text).sign(privateKey, 'base64');
      return {
        ...h,
        date: 'Thu, 01 Jan 2026 00:00:00 GMT',
        authorization: `Signature keyId="${params.keyId}",algorithm="rsa-sha256",headers="${names.join(' ')}",signature="${signature}"`,
      };
    };
    // A Date header present is checked as well (RECOMMENDED): a stale one is refused.
    expect(verify(rewritten(fresh))).toMatchObject({ ok: false, reason: 'date' });
    const { date: _date, ...withoutDate } = rewritten(fresh);
    expect(verify(withoutDate).ok).toBe(true);
    const { date: _d, ...stale } = rewritten(withOriginal(new Date(NOW.getTime() - 3_600_000)));
    expect(verify(stale)).toMatchObject({ ok: false, reason: 'date' });
  });

  it('refuses a signature made with another key than the one named', () => {
    const other = signRequest({
      method: 'POST',
      target: '/ewp/echo',
      host: 'ewp.example.org',
      body: 'echo=a',
      now: NOW,
      requestId: REQUEST_ID,
      privateKey: otherKey,
    });
    const forged = {
      ...other,
      authorization: other.authorization!.replace(
        keyFingerprint(otherKey),
        keyFingerprint(privateKey),
      ),
    };
    expect(verify(forged)).toMatchObject({ ok: false, reason: 'signature' });
  });
});

describe('server responses (srvauth-httpsig)', () => {
  const serverKey = publicKeyOf(otherKey);
  const lookupServer = (keyId: string) => (keyId === keyFingerprint(otherKey) ? serverKey : null);
  const response = signResponse({
    headers: { 'content-type': 'application/xml' },
    body: '<response/>',
    now: NOW,
    privateKey: otherKey,
    requestId: REQUEST_ID,
    requestSignature: 'c2ln',
  });

  it('signs date, digest, x-request-id and x-request-signature', () => {
    expect(parseSignatureParams(response.signature)?.headers).toEqual([
      'date',
      'digest',
      'x-request-id',
      'x-request-signature',
    ]);
    expect(
      verifyResponse({
        headers: response,
        body: '<response/>',
        now: NOW,
        requestId: REQUEST_ID,
        requestSignature: 'c2ln',
        lookupKey: lookupServer,
      }),
    ).toMatchObject({ ok: true });
  });

  it('lets the client reject a tampered body, another request id or an unknown key', () => {
    const base = {
      headers: response,
      body: '<response/>',
      now: NOW,
      requestId: REQUEST_ID,
      lookupKey: lookupServer,
    };
    expect(verifyResponse({ ...base, body: '<response></response>' })).toMatchObject({
      reason: 'digest',
    });
    expect(verifyResponse({ ...base, requestId: REQUEST_ID.replace('6', '7') })).toMatchObject({
      reason: 'request_id',
    });
    expect(verifyResponse({ ...base, lookupKey: () => null })).toMatchObject({
      reason: 'unknown_key',
    });
    expect(verifyResponse({ ...base, headers: { ...response, signature: '' } })).toMatchObject({
      reason: 'unsigned',
    });
  });

  it('reads what the client asks in Accept-Signature', () => {
    expect(acceptSignature({})).toBe('none');
    expect(acceptSignature({ 'accept-signature': 'RSA-SHA256' })).toBe('rsa-sha256');
    expect(acceptSignature({ 'accept-signature': 'hmac-sha256' })).toBe('unsupported');
  });
});
