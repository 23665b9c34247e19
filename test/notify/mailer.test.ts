/**
 * The mailer against a real SMTP server (the `smtp-server` package) on a random local port: the
 * message is received over SMTP with authentication, and its headers and UTF-8 Japanese and
 * Russian subject and body are decoded from the raw MIME source.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeMailer,
  createMailer,
  DEFAULT_FROM,
  sendNotification,
  type Mailer,
} from '#src/services/notify/mailer.ts';

interface Received {
  raw: string;
  from: string | null;
  to: string[];
  user: string | undefined;
}

const USER = 'kakehashi';
const PASS = 'p@ss:wörd/1';

let server: SMTPServer;
let port = 0;
const inbox: Received[] = [];
const waiting: ((r: Received) => void)[] = [];

function nextMessage(): Promise<Received> {
  const ready = inbox.shift();
  return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
}

beforeAll(async () => {
  server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: USER });
      else callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        const message: Received = {
          raw: Buffer.concat(chunks).toString('utf8'),
          from: mailFrom === false ? null : mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
        };
        const waiter = waiting.shift();
        if (waiter) waiter(message);
        else inbox.push(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(resolve));
});

// --- a small MIME reader, enough for what nodemailer writes ------------------------------------

function splitHeaders(source: string): { headers: Map<string, string>; body: string } {
  const at = source.indexOf('\r\n\r\n');
  const head = source.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: source.slice(at + 4) };
}

function decodeQuotedPrintable(text: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === '_' && underscoreIsSpace) bytes.push(0x20);
    else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`); whitespace between words drops. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_w, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text, true).toString('utf8'),
    );
}

function decodePart(part: string): { type: string; text: string } {
  const { headers, body } = splitHeaders(part);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const type = headers.get('content-type') ?? 'text/plain';
  if (encoding === 'base64') return { type, text: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding === 'quoted-printable') {
    return { type, text: decodeQuotedPrintable(body, false).toString('utf8') };
  }
  return { type, text: body };
}

function parts(raw: string): { type: string; text: string }[] {
  const { headers, body } = splitHeaders(raw);
  const type = headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!boundary) return [decodePart(raw)];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => decodePart(p.replace(/^\r\n/, '')));
}

// -----------------------------------------------------------------------------------------------

describe('mailer', () => {
  let mailer: Mailer;

  beforeAll(() => {
    const url = `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}?from=${encodeURIComponent('架け橋 Kakehashi <noreply@kakehashi.test>')}`;
    const created = createMailer(url);
    if (!created) throw new Error('mailer not created');
    mailer = created;
  });

  afterAll(() => closeMailer(mailer));

  it('is not created without SMTP_URL, and then sends nothing', async () => {
    expect(createMailer(undefined)).toBeNull();
    expect(createMailer('  ')).toBeNull();
    await expect(
      sendNotification(null, { to: 'a@example.org', subject: 's', text: 't' }),
    ).resolves.toEqual({
      sent: false,
    });
  });

  it('refuses a URL that is not SMTP, and keeps the password out of its target', () => {
    expect(() => createMailer('http://example.org')).toThrow(/smtp:\/\//);
    expect(() => createMailer('not a url')).toThrow(/not a URL/);
    expect(mailer.target).toBe(`127.0.0.1:${port}`);
    expect(createMailer('smtp://127.0.0.1:2525')?.from).toBe(DEFAULT_FROM);
  });

  it('delivers a Japanese notification with UTF-8 subject and body through an authenticated session', async () => {
    const subject = '【架け橋】応募を受け付けました — 東北大学 → ノヴォシビルスク国立大学';
    const text =
      '山田太郎 様\n\n2027年度 日露交流プログラムへの応募を受け付けました。\n締切：2027年2月28日（R18）。\n';
    const result = await sendNotification(mailer, {
      to: '山田 太郎 <taro@tohoku.example>',
      subject,
      text,
    });
    expect(result).toMatchObject({ sent: true, accepted: ['taro@tohoku.example'], rejected: [] });

    const message = await nextMessage();
    expect(message.user).toBe(USER);
    expect(message.from).toBe('noreply@kakehashi.test');
    expect(message.to).toEqual(['taro@tohoku.example']);
    const { headers } = splitHeaders(message.raw);
    expect(decodeHeader(headers.get('subject') ?? '')).toBe(subject);
    expect(decodeHeader(headers.get('from') ?? '')).toBe(
      '架け橋 Kakehashi <noreply@kakehashi.test>',
    );
    expect(decodeHeader(headers.get('to') ?? '')).toContain('<taro@tohoku.example>');
    expect(headers.get('mime-version')).toBe('1.0');
    expect(headers.get('message-id')).toBe(result.sent ? result.messageId : '');
    // Every header line is 7-bit: the non-ASCII text is encoded, never raw.
    expect(message.raw.slice(0, message.raw.indexOf('\r\n\r\n'))).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    const [body] = parts(message.raw);
    expect(body?.type).toMatch(/^text\/plain; charset=utf-8/i);
    expect(body?.text.replace(/\r\n/g, '\n')).toBe(text);
  });

  it('delivers a Russian notification to several recipients, with a text and an HTML part', async () => {
    const subject = 'Kakehashi: ваша заявка принята — Новосибирский государственный университет';
    const text = 'Здравствуйте, Мария!\nВаша заявка на обмен в Университет Тохоку принята.';
    const html = '<p>Здравствуйте, <b>Мария</b>! Ваша заявка принята.</p>';
    const result = await sendNotification(mailer, {
      to: ['maria@nsu.example', 'coordinator@nsu.example'],
      subject,
      text,
      html,
    });
    expect(result).toMatchObject({
      sent: true,
      accepted: ['maria@nsu.example', 'coordinator@nsu.example'],
    });

    const message = await nextMessage();
    expect(message.to).toEqual(['maria@nsu.example', 'coordinator@nsu.example']);
    const { headers } = splitHeaders(message.raw);
    expect(decodeHeader(headers.get('subject') ?? '')).toBe(subject);
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative/);
    const [plain, rich] = parts(message.raw);
    expect(plain?.type).toMatch(/^text\/plain/);
    expect(plain?.text.replace(/\r\n/g, '\n')).toBe(text);
    expect(rich?.type).toMatch(/^text\/html/);
    expect(rich?.text).toBe(html);
  });

  it('refuses header injection before connecting', async () => {
    await expect(
      sendNotification(mailer, {
        to: 'a@example.org',
        subject: 'hi\r\nBcc: x@evil.example',
        text: 't',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      sendNotification(mailer, { to: [], subject: 's', text: 't' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('reports a wrong password as an error from the server', async () => {
    const wrong = createMailer(`smtp://${USER}:nope@127.0.0.1:${port}`);
    await expect(
      sendNotification(wrong, { to: 'a@example.org', subject: 's', text: 't' }),
    ).rejects.toThrow(/invalid credentials|Invalid login/i);
    closeMailer(wrong);
  });
});
