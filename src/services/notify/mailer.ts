/**
 * E-mail notifications over SMTP. Configured by `SMTP_URL` (`smtp://user:pass@host:port`, or
 * `smtps://` for implicit TLS); unset means in-app notifications only, and `createMailer` returns
 * `null`. The sender address comes from the `from` option, else from a `from` query parameter of
 * the URL (`smtp://host:25?from=Kakehashi%20%3Cno-reply%40example.org%3E`), else `DEFAULT_FROM`.
 *
 * Usage:
 *   const mailer = createMailer(env.SMTP_URL);
 *   await sendNotification(mailer, { to: 'student@example.org', subject: '…', text: '…' });
 * `sendNotification(null, …)` does nothing and returns `{ sent: false }`, so callers need not
 * branch on the configuration.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { AppError } from '../errors.ts';

export const DEFAULT_FROM = 'Kakehashi <no-reply@localhost>';

export interface Mailer {
  readonly from: string;
  /** Host and port only, for logs: the URL's credentials are never exposed. */
  readonly target: string;
  readonly transport: Transporter<SMTPTransport.SentMessageInfo, SMTPTransport.Options>;
  /**
   * When several processes share the work, a checked message is handed to the job queue (which
   * sends it from whichever process takes it) instead of being sent during the request.
   */
  readonly enqueue?: (notification: Notification) => Promise<string>;
}

export interface MailerOptions {
  from?: string;
  /** Milliseconds to wait for the connection and greeting (default 10 s). */
  timeoutMs?: number;
}

export interface Notification {
  /** One address or several; display names allowed (`名前 <a@example.org>`). */
  to: string | readonly string[];
  subject: string;
  text: string;
  html?: string;
}

/**
 * `queued`: handed to the job queue (another process sends it); `messageId` is then the job's id
 * and `accepted` and `rejected` are empty, the server not having been asked yet.
 */
export type SendResult =
  | { sent: false }
  | {
      sent: true;
      queued?: boolean;
      messageId: string;
      accepted: string[];
      rejected: string[];
    };

/** The mailer for `smtpUrl`, or `null` when it is unset or empty. Throws on a malformed URL. */
export function createMailer(
  smtpUrl: string | undefined,
  options: MailerOptions = {},
): Mailer | null {
  if (smtpUrl === undefined || smtpUrl.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new AppError('validation_failed', 'SMTP_URL is not a URL', { field: 'SMTP_URL' });
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new AppError('validation_failed', 'SMTP_URL must start with smtp:// or smtps://', {
      field: 'SMTP_URL',
    });
  }
  const fromParam = url.searchParams.get('from');
  url.searchParams.delete('from');
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port === '' ? (url.protocol === 'smtps:' ? 465 : 587) : Number(url.port),
    secure: url.protocol === 'smtps:',
    auth:
      url.username === ''
        ? undefined
        : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  });
  return {
    from: options.from ?? fromParam ?? DEFAULT_FROM,
    target: `${url.hostname}:${url.port}`,
    transport,
  };
}

const LINE_BREAK = /[\r\n]/;

/** Sends one notification; refuses header injection (a line break in `to` or `subject`). */
export async function sendNotification(
  mailer: Mailer | null,
  notification: Notification,
): Promise<SendResult> {
  if (!mailer) return { sent: false };
  const to = typeof notification.to === 'string' ? [notification.to] : [...notification.to];
  if (to.length === 0 || to.some((t) => t.trim() === '' || LINE_BREAK.test(t))) {
    throw new AppError('validation_failed', 'a notification needs valid recipients', {
      field: 'to',
    });
  }
  if (LINE_BREAK.test(notification.subject)) {
    throw new AppError('validation_failed', 'a subject is one line', { field: 'subject' });
  }
  if (mailer.enqueue) {
    const jobId = await mailer.enqueue({ ...notification, to });
    return { sent: true, queued: true, messageId: jobId, accepted: [], rejected: [] };
  }
  const info = await mailer.transport.sendMail({
    from: mailer.from,
    to,
    subject: notification.subject,
    text: notification.text,
    ...(notification.html === undefined ? {} : { html: notification.html }),
  });
  const address = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);
  return {
    sent: true,
    messageId: info.messageId,
    accepted: info.accepted.map(address),
    rejected: info.rejected.map(address),
  };
}

/** Closes the transport's connections (for shutdown and tests). */
export function closeMailer(mailer: Mailer | null): void {
  mailer?.transport.close();
}
