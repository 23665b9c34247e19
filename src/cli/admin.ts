/** `kakehashi admin create`: the first administrator of a deployment, from the command line. */
import { parseArgs } from 'node:util';
import type { Database } from '#src/db/client.ts';
import { MIN_PASSWORD_LENGTH, createAdministrator } from '#src/services/auth/accounts.ts';
import { SET_LINK_TTL_HOURS, passwordLink } from '#src/services/auth/password-reset.ts';
import { AppError } from '#src/services/errors.ts';

export const ADMIN_HELP = `Usage: kakehashi admin create --email ADDRESS [--link] [--name "Display Name"] [--language ja|ru|en|fr]

Creates a platform administrator, for example the first account of a new deployment.
The password is asked for twice on a terminal; when standard input is not a terminal, its first
line is the password (for scripts):

  printf '%s\\n' "$PASSWORD" | npx kakehashi admin create --email it@example.ac.jp

Or, with --link, no password is asked: the account is created without one, and a one-time link
is printed that lets its owner choose it in the browser (valid ${SET_LINK_TTL_HOURS} hours, used once):

  npx kakehashi admin create --email it@example.ac.jp --link

The password has at least ${MIN_PASSWORD_LENGTH} characters and is not a common one. An address that
already has an account is refused. The link starts with KAKEHASHI_PUBLIC_URL (http://localhost:PORT).
  --email      the administrator's e-mail address (the sign-in name)
  --link       print a one-time link to set the password instead of asking for it
  --name       the name shown to others (default: the part of the address before @)
  --language   the language of their notifications and e-mails (default: en)`;

/** Reads a line from a terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}

export class AdminUsageError extends Error {}

export async function adminCommand(
  args: string[],
  open: () => Promise<Database>,
  publicUrl = 'http://localhost:3000',
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      language: { type: 'string' },
      link: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(ADMIN_HELP);
    return values.help ? 0 : 64;
  }
  if (positionals[0] !== 'create' || positionals.length > 1) {
    throw new AdminUsageError(
      `unknown admin command "${positionals.join(' ')}"; run 'kakehashi admin --help'`,
    );
  }
  if (!values.email) throw new AdminUsageError('admin create needs --email');
  let password: string | undefined;
  if (values.link) {
    password = undefined;
  } else if (process.stdin.isTTY) {
    password = await askHidden('Password: ');
    if ((await askHidden('Repeat the password: ')) !== password) {
      console.error('kakehashi: the two passwords differ; nothing was created');
      return 1;
    }
  } else {
    password = await readFirstLine();
  }
  const database = await open();
  try {
    const created = await createAdministrator(
      database.db,
      {
        email: values.email,
        displayName: values.name ?? values.email.split('@')[0] ?? values.email,
        language: (values.language ?? 'en') as 'en',
        ...(password === undefined ? {} : { password }),
      },
      { link: values.link === true },
    );
    if (created.link) {
      console.log(
        [
          `Created the administrator ${created.email}, without a password yet.`,
          `Send them this link to choose it (once, until ${created.link.expiresAt.toISOString()}):`,
          '',
          `  ${passwordLink(publicUrl, created.link.token, 'set')}`,
        ].join('\n'),
      );
    } else {
      console.log(`Created the administrator ${created.email}. Sign in at /sign-in.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const issues = (error.details.issues ?? []) as { field: string; message: string }[];
      const what =
        error.code === 'conflict'
          ? `${values.email} already has an account; nothing was changed`
          : issues.map((i) => `${i.field.replace(/^admin\./, '--')}: ${i.message}`).join('; ');
      console.error(`kakehashi: ${what}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
