/**
 * An EWP client written from the specifications alone (cliauth-httpsig and srvauth-httpsig,
 * draft-cavage-http-signatures-07), independent of the server's code: it signs requests with
 * `Authorization: Signature …` and checks the `Signature` of the responses. The tests talk to
 * the real Fastify app through it.
 */
import {
  createHash,
  createPublicKey,
  createSign,
  createVerify,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const sha256Digest = (body: string) =>
  `SHA-256=${createHash('sha256').update(body, 'utf8').digest('base64')}`;

/** The HEX SHA-256 of a public key's DER (SubjectPublicKeyInfo): its keyId. */
export const fingerprint = (key: KeyObject) =>
  createHash('sha256')
    .update(
      (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'der', type: 'spki' }),
    )
    .digest('hex');

export interface EwpCall {
  method: 'GET' | 'POST';
  /** Path and query. */
  url: string;
  /** Form parameters of a POST. */
  form?: [string, string][];
}

export interface ClientOptions {
  app: FastifyInstance;
  host: string;
  key: KeyObject;
  /** The keyId sent (default: the key's fingerprint); a wrong one tests the server. */
  keyId?: string;
  now: () => Date;
}

export interface Tampering {
  /** Sent instead of the body that was signed and digested. */
  sentBody?: string;
  /** The Date header's instant (default: now). */
  date?: Date;
  /** Send no Authorization at all. */
  unsigned?: boolean;
  /** Do not ask for a signed response. */
  noAcceptSignature?: boolean;
}

export interface SignedCall {
  response: LightMyRequestResponse;
  requestId: string;
  /** The `signature` parameter the request carried. */
  signature: string | undefined;
}

export async function call(
  c: ClientOptions,
  req: EwpCall,
  tamper: Tampering = {},
): Promise<SignedCall> {
  const body = req.form ? new URLSearchParams(req.form).toString() : '';
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    host: c.host,
    date: (tamper.date ?? c.now()).toUTCString(),
    digest: sha256Digest(body),
    'x-request-id': requestId,
  };
  if (!tamper.noAcceptSignature) headers['accept-signature'] = 'rsa-sha256';
  if (req.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const signed = ['(request-target)', 'host', 'date', 'digest', 'x-request-id'];
  const lines = signed.map((h) =>
    h === '(request-target)'
      ? `(request-target): ${req.method.toLowerCase()} ${req.url}`
      : `${h}: ${headers[h]}`,
  );
  const signature = createSign('RSA-SHA256').update(lines.join('\n')).sign(c.key, 'base64');
  if (!tamper.unsigned) {
    headers.authorization = `Signature keyId="${c.keyId ?? fingerprint(c.key)}",algorithm="rsa-sha256",headers="${signed.join(' ')}",signature="${signature}"`;
  }
  const response = await c.app.inject({
    method: req.method,
    url: req.url,
    headers,
    ...(req.method === 'POST' ? { payload: tamper.sentBody ?? body } : {}),
  });
  return { response, requestId, signature: tamper.unsigned ? undefined : signature };
}

/**
 * The client's checks of a signed response: Signature present with rsa-sha256 and the required
 * headers, X-Request-Id and X-Request-Signature as sent, Date within 5 minutes, the key one of
 * the server's, the signature right and the Digest the body's. Returns what failed, or null.
 */
export function responseProblem(
  sent: SignedCall,
  serverKeys: Map<string, KeyObject>,
  now: Date,
): string | null {
  const h = sent.response.headers;
  const header = (name: string) => {
    const v = h[name];
    return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);
  };
  const sig = header('signature');
  if (!sig) return 'no Signature header';
  const params = Object.fromEntries(
    [...sig.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  if (params.algorithm !== 'rsa-sha256') return 'algorithm';
  const names = (params.headers ?? '').split(' ');
  const required = ['digest', 'x-request-id', ...(sent.signature ? ['x-request-signature'] : [])];
  if (!names.includes('date') && !names.includes('original-date')) return 'date not signed';
  if (required.some((r) => !names.includes(r))) return 'required headers not signed';
  if (header('x-request-id') !== sent.requestId) return 'x-request-id differs';
  if (sent.signature && header('x-request-signature') !== sent.signature) {
    return 'x-request-signature differs';
  }
  const date = Date.parse(header('date') ?? '');
  if (!Number.isFinite(date) || Math.abs(date - now.getTime()) > 5 * 60_000) return 'date';
  const key = serverKeys.get(params.keyId ?? '');
  if (!key) return 'unknown server key';
  const text = names.map((n) => `${n}: ${header(n)}`).join('\n');
  const ok = createVerify('RSA-SHA256')
    .update(text)
    .verify(key, Buffer.from(params.signature ?? '', 'base64'));
  if (!ok) return 'signature';
  if (header('digest') !== sha256Digest(sent.response.body)) return 'digest';
  return null;
}

/** The server keys a Discovery manifest publishes (server-credentials-in-use), by keyId. */
export function manifestServerKeys(xml: string): Map<string, KeyObject> {
  const section = /<server-credentials-in-use>([\s\S]*?)<\/server-credentials-in-use>/.exec(xml);
  const keys = [...(section?.[1] ?? '').matchAll(/<rsa-public-key>([^<]*)<\/rsa-public-key>/g)].map(
    (m) =>
      createPublicKey({
        key: Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'),
        format: 'der',
        type: 'spki',
      }),
  );
  return new Map(keys.map((k) => [fingerprint(k), k]));
}
