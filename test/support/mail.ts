/**
 * A real SMTP peer for tests: the `smtp-server` package on a random local port, keeping every
 * message it is handed, and the app's own mailer pointed at it. The helpers read a raw message
 * the way a mail client would: headers with their RFC 2047 encoded words decoded, and the text of
 * a single-part message with its transfer encoding undone.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { closeMailer, createMailer, type Mailer } from '#src/services/notify/mailer.ts';

export interface ReceivedMail {
  /** The envelope's recipients. */
  to: string[];
  /** The message as it was sent. */
  raw: string;
}

export interface MailCatcher {
  /** Every message received, oldest first. */
  inbox: ReceivedMail[];
  /** The app's mailer, sending to this server. */
  mailer: Mailer;
  /** Resolves once the inbox holds at least `count` messages (a mail may leave after the answer). */
  waitForCount(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const inbox: ReceivedMail[] = [];
  let waiting: (() => void)[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        const woken = waiting;
        waiting = [];
        for (const wake of woken) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const mailer = createMailer(`smtp://127.0.0.1:${port}`)!;
  return {
    inbox,
    mailer,
    async waitForCount(count) {
      while (inbox.length < count) await new Promise<void>((resolve) => waiting.push(resolve));
    },
    async close() {
      closeMailer(mailer);
      await new Promise<void>((resolve) => server.close(resolve));
    },
  };
}

/** A header of a raw message, folded lines joined and RFC 2047 encoded words decoded. */
export function headerOf(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_w, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The text of a single-part message, its transfer encoding undone. */
export function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const encoding = headerOf(raw, 'content-transfer-encoding').toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
