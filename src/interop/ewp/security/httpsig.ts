import { createHash, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * HTTP Signatures as the Erasmus Without Paper security specifications use them: the
 * `Authorization: Signature …` of a client's request (cliauth-httpsig) and the `Signature` of a
 * server's response (srvauth-httpsig), both draft-cavage-http-signatures-07 with `rsa-sha256`,
 * plus the `Digest` header of RFC 3230 with the SHA-256 algorithm of RFC 5843.
 *
 * Pure code: the caller passes the message, the keys and "now"; nothing here reads a clock.
 */

export const ALGORITHM = 'rsa-sha256';
/** The smallest accepted difference between a message's date and our clock, both ways (5 min). */
export const DATE_THRESHOLD_MS = 5 * 60 * 1000;
/** The headers a client signs, besides `date` or `original-date`. */
export const REQUIRED_REQUEST_HEADERS = ['(request-target)', 'host', 'digest', 'x-request-id'];

/** Message headers by lower-case name, as Node gives them. */
export type HeaderMap = Record<string, string | string[] | undefined>;

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `SHA-256=<base64>` of a body (an absent body is the empty one). */
export function digestHeader(body: Uint8Array | string | undefined): string {
  return `SHA-256=${createHash('sha256')
    .update(body ?? '')
    .digest('base64')}`;
}

/**
 * Whether a `Digest` header holds the body's SHA-256. The header may list several
 * `algorithm=value` pairs (RFC 3230 §4.3.2); the algorithm name is case-insensitive.
 */
export function digestMatches(header: string | undefined, body: Uint8Array | string | undefined) {
  if (!header) return false;
  const expected = digestHeader(body).slice('SHA-256='.length);
  return header.split(',').some((part) => {
    const at = part.indexOf('=');
    if (at < 0) return false;
    return (
      part.slice(0, at).trim().toLowerCase() === 'sha-256' && part.slice(at + 1).trim() === expected
    );
  });
}

/** The public key of a PEM or base64 DER text (SubjectPublicKeyInfo), or of a private key. */
export function publicKeyOf(key: KeyObject | string): KeyObject {
  if (typeof key !== 'string') return key.type === 'public' ? key : createPublicKey(key);
  if (key.includes('-----BEGIN')) return createPublicKey(key);
  return createPublicKey({
    key: Buffer.from(key.replace(/\s+/g, ''), 'base64'),
    format: 'der',
    type: 'spki',
  });
}

/** The DER bytes of a public key (SubjectPublicKeyInfo), as the registry publishes them. */
export function publicKeyDer(key: KeyObject | string): Buffer {
  return publicKeyOf(key).export({ format: 'der', type: 'spki' });
}

/**
 * The `keyId` of a key: the HEX-encoded SHA-256 fingerprint of its public part's binary content,
 * the value the registry catalogue gives in `rsa-public-key/@sha-256`.
 */
export function keyFingerprint(key: KeyObject | string): string {
  return createHash('sha256').update(publicKeyDer(key)).digest('hex');
}

export interface SignatureParams {
  keyId: string;
  algorithm: string;
  /** Lower-case header names in their signed order. */
  headers: string[];
  signature: string;
}

/**
 * The parameters of a `Signature` header, or of an `Authorization` header after its `Signature`
 * scheme word. Null when malformed or when keyId or signature is missing.
 */
export function parseSignatureParams(value: string | undefined): SignatureParams | null {
  if (!value) return null;
  const params = new Map<string, string>();
  const re = /\s*([A-Za-z]+)\s*=\s*"([^"]*)"\s*(,|$)/y;
  let at = 0;
  while (at < value.length) {
    re.lastIndex = at;
    const m = re.exec(value);
    if (!m) return null;
    params.set(m[1]!, m[2]!);
    at = re.lastIndex;
  }
  const keyId = params.get('keyId');
  const signature = params.get('signature');
  if (!keyId || !signature) return null;
  return {
    keyId,
    signature,
    algorithm: params.get('algorithm') ?? '',
    // The draft's default list is `date` alone.
    headers: (params.get('headers') ?? 'date')
      .toLowerCase()
      .split(' ')
      .filter((h) => h !== ''),
  };
}

/** The parameters of an `Authorization: Signature …` header, or null when it is another scheme. */
export function parseAuthorization(value: string | undefined): SignatureParams | null {
  const m = value ? /^Signature\s+(.*)$/is.exec(value.trim()) : null;
  return m ? parseSignatureParams(m[1]) : null;
}

/** `keyId="…",algorithm="rsa-sha256",headers="…",signature="…"`. */
export function formatSignatureParams(p: SignatureParams): string {
  return `keyId="${p.keyId}",algorithm="${p.algorithm}",headers="${p.headers.join(' ')}",signature="${p.signature}"`;
}

export interface Message {
  /** Requests only: the method and the target (path with its query) for `(request-target)`. */
  method?: string;
  target?: string;
  headers: HeaderMap;
}

function headerValue(headers: HeaderMap, name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  // Repeated headers are joined with ", " (draft-cavage-07 §2.3).
  return (Array.isArray(v) ? v : [v]).map((x) => x.trim()).join(', ');
}

/**
 * The signing string of a message for a list of header names (draft-cavage-07 §2.3): one line
 * `name: value` per header, `(request-target)` being `method target`. Null when one is missing.
 */
export function signingString(names: string[], message: Message): string | null {
  const lines: string[] = [];
  for (const name of names) {
    if (name === '(request-target)') {
      if (!message.method || message.target === undefined) return null;
      lines.push(`(request-target): ${message.method.toLowerCase()} ${message.target}`);
      continue;
    }
    const value = headerValue(message.headers, name);
    if (value === undefined) return null;
    lines.push(`${name}: ${value}`);
  }
  return lines.join('\n');
}

/** RSA-SHA256 (PKCS#1 v1.5) of a signing string, base64. */
export function signText(text: string, privateKey: KeyObject | string): string {
  return createSign('sha256').update(text, 'utf8').sign(privateKey, 'base64');
}

export function verifyText(text: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('sha256')
      .update(text, 'utf8')
      .verify(publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A `Date` header's value (IMF-fixdate). */
export const httpDate = (at: Date): string => at.toUTCString();

/** Whether an HTTP date lies within the threshold of now. */
export function dateWithin(value: string | undefined, now: Date, thresholdMs: number): boolean {
  if (!value) return false;
  const at = Date.parse(value);
  return Number.isFinite(at) && Math.abs(at - now.getTime()) <= thresholdMs;
}

/** Why a client's request is not authenticated (cliauth-httpsig "Implementing a server"). */
export type RequestFailure =
  | 'unsigned'
  | 'algorithm'
  | 'headers_not_signed'
  | 'host'
  | 'unknown_key'
  | 'date'
  | 'request_id'
  | 'signature'
  | 'digest';

export interface VerifyRequestInput<K> {
  method: string;
  /** The request's target as received: path and query. */
  target: string;
  headers: HeaderMap;
  body: Uint8Array | string | undefined;
  /** Our own host (`ewp.example.ac.jp`, with its port when not the default). */
  expectedHost: string;
  now: Date;
  /** The known client keys by fingerprint; null for an unknown one. */
  lookupKey: (keyId: string) => (K & { publicKey: KeyObject }) | null;
  thresholdMs?: number;
}

export type VerifyRequestResult<K> =
  | {
      ok: true;
      client: K & { publicKey: KeyObject };
      params: SignatureParams;
      /** The headers the client signed: every other header is to be ignored. */
      signedHeaders: string[];
    }
  | { ok: false; reason: RequestFailure; message: string };

/** Checks a client's signed request, in the order the specification suggests. */
export function verifyRequest<K>(input: VerifyRequestInput<K>): VerifyRequestResult<K> {
  const fail = (reason: RequestFailure, message: string) => ({
    ok: false as const,
    reason,
    message,
  });
  const auth = headerValue(input.headers, 'authorization');
  const params = parseAuthorization(auth);
  if (!params) {
    return fail('unsigned', 'the request carries no Authorization header with a Signature');
  }
  if (params.algorithm.toLowerCase() !== ALGORITHM) {
    return fail('algorithm', `the signature algorithm must be ${ALGORITHM}`);
  }
  const missing = REQUIRED_REQUEST_HEADERS.filter((h) => !params.headers.includes(h));
  if (!params.headers.includes('date') && !params.headers.includes('original-date')) {
    missing.push('date');
  }
  if (missing.length > 0) {
    return fail('headers_not_signed', `the signature must cover: ${missing.join(', ')}`);
  }
  const host = headerValue(input.headers, 'host');
  if (!host || host.toLowerCase() !== input.expectedHost.toLowerCase()) {
    return fail('host', `the Host header must be ${input.expectedHost}`);
  }
  const client = input.lookupKey(params.keyId.toLowerCase());
  if (!client) {
    return fail('unknown_key', 'the keyId is not the fingerprint of a known client key');
  }
  const threshold = Math.max(input.thresholdMs ?? DATE_THRESHOLD_MS, DATE_THRESHOLD_MS);
  for (const name of ['date', 'original-date']) {
    const value = headerValue(input.headers, name);
    if (params.headers.includes(name) || value !== undefined) {
      if (!dateWithin(value, input.now, threshold)) {
        return fail('date', `the ${name} header is missing, unreadable or too far from our clock`);
      }
    }
  }
  const requestId = headerValue(input.headers, 'x-request-id');
  if (!requestId || !CANONICAL_UUID.test(requestId)) {
    return fail('request_id', 'X-Request-Id must be a UUID in canonical form');
  }
  const text = signingString(params.headers, {
    method: input.method,
    target: input.target,
    headers: input.headers,
  });
  if (text === null || !verifyText(text, params.signature, client.publicKey)) {
    return fail('signature', 'the signature does not verify with the client key');
  }
  if (!digestMatches(headerValue(input.headers, 'digest'), input.body)) {
    return fail('digest', 'the Digest header is not the SHA-256 of the body');
  }
  return { ok: true, client, params, signedHeaders: params.headers };
}

/** What the client asked in `Accept-Signature`: nothing, our algorithm, or only others. */
export function acceptSignature(headers: HeaderMap): 'none' | 'rsa-sha256' | 'unsupported' {
  const value = headerValue(headers, 'accept-signature');
  if (value === undefined) return 'none';
  return value
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .includes(ALGORITHM)
    ? ALGORITHM
    : 'unsupported';
}

export interface SignRequestInput {
  method: string;
  target: string;
  host: string;
  body: Uint8Array | string | undefined;
  now: Date;
  requestId: string;
  privateKey: KeyObject;
  /** Other headers to send and sign (lower-case names). */
  headers?: Record<string, string>;
}

/** The headers of a signed client request: Host, Date, Digest, X-Request-Id and Authorization. */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const headers: Record<string, string> = {
    ...input.headers,
    host: input.host,
    date: httpDate(input.now),
    digest: digestHeader(input.body),
    'x-request-id': input.requestId,
  };
  const base = ['(request-target)', 'host', 'date', 'digest', 'x-request-id'];
  const names = base.concat(Object.keys(input.headers ?? {}).filter((h) => !base.includes(h)));
  const text = signingString(names, { method: input.method, target: input.target, headers })!;
  const params: SignatureParams = {
    keyId: keyFingerprint(input.privateKey),
    algorithm: ALGORITHM,
    headers: names,
    signature: signText(text, input.privateKey),
  };
  return { ...headers, authorization: `Signature ${formatSignatureParams(params)}` };
}

export interface SignResponseInput {
  /** The response's headers so far (lower-case names); the result adds to them. */
  headers: Record<string, string>;
  body: Uint8Array | string;
  now: Date;
  privateKey: KeyObject;
  /** The request's X-Request-Id, echoed when it had one. */
  requestId?: string | undefined;
  /** The `signature` of the request's Authorization, when the client was authenticated by it. */
  requestSignature?: string | undefined;
}

/**
 * The headers of a signed response (srvauth-httpsig): Date, Digest, X-Request-Id,
 * X-Request-Signature and Signature over them.
 */
export function signResponse(input: SignResponseInput): Record<string, string> {
  const headers: Record<string, string> = {
    ...input.headers,
    date: httpDate(input.now),
    digest: digestHeader(input.body),
  };
  const names = ['date', 'digest'];
  if (input.requestId !== undefined) {
    headers['x-request-id'] = input.requestId;
    names.push('x-request-id');
  }
  if (input.requestSignature !== undefined) {
    headers['x-request-signature'] = input.requestSignature;
    names.push('x-request-signature');
  }
  const text = signingString(names, { headers })!;
  headers.signature = formatSignatureParams({
    keyId: keyFingerprint(input.privateKey),
    algorithm: ALGORITHM,
    headers: names,
    signature: signText(text, input.privateKey),
  });
  return headers;
}

export type ResponseFailure =
  | 'unsigned'
  | 'algorithm'
  | 'headers_not_signed'
  | 'request_id'
  | 'date'
  | 'unknown_key'
  | 'signature'
  | 'digest';

/** A client's checks of a signed response (srvauth-httpsig "Implementing a client"). */
export function verifyResponse(input: {
  headers: HeaderMap;
  body: Uint8Array | string;
  now: Date;
  requestId?: string;
  requestSignature?: string;
  lookupKey: (keyId: string) => KeyObject | null;
  thresholdMs?: number;
}): { ok: true; keyId: string } | { ok: false; reason: ResponseFailure } {
  const fail = (reason: ResponseFailure) => ({ ok: false as const, reason });
  const params = parseSignatureParams(headerValue(input.headers, 'signature'));
  if (!params) return fail('unsigned');
  if (params.algorithm.toLowerCase() !== ALGORITHM) return fail('algorithm');
  const required = ['digest'];
  if (input.requestId !== undefined) required.push('x-request-id');
  if (input.requestSignature !== undefined) required.push('x-request-signature');
  const hasDate = params.headers.includes('date') || params.headers.includes('original-date');
  if (!hasDate || required.some((h) => !params.headers.includes(h))) {
    return fail('headers_not_signed');
  }
  if (
    input.requestId !== undefined &&
    headerValue(input.headers, 'x-request-id') !== input.requestId
  ) {
    return fail('request_id');
  }
  if (
    input.requestSignature !== undefined &&
    headerValue(input.headers, 'x-request-signature') !== input.requestSignature
  ) {
    return fail('signature');
  }
  const threshold = Math.max(input.thresholdMs ?? DATE_THRESHOLD_MS, DATE_THRESHOLD_MS);
  for (const name of ['date', 'original-date']) {
    const value = headerValue(input.headers, name);
    if (params.headers.includes(name) || value !== undefined) {
      if (!dateWithin(value, input.now, threshold)) return fail('date');
    }
  }
  const key = input.lookupKey(params.keyId.toLowerCase());
  if (!key) return fail('unknown_key');
  const text = signingString(params.headers, { headers: input.headers });
  if (text === null || !verifyText(text, params.signature, key)) return fail('signature');
  if (!digestMatches(headerValue(input.headers, 'digest'), input.body)) return fail('digest');
  return { ok: true, keyId: params.keyId };
}
