/**
 * `kakehashi import mobilities FILE [--as EMAIL]`: a mobility history file (CSV or XLSX,
 * docs/formats/mobility-history.md) through the same import as the web app, with its progress on
 * stderr and its row errors as line, column, code and the English text. Exit 1 on any error:
 * nothing is written then.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '#src/db/client.ts';
import { userByEmail } from '#src/db/queries/accounts/users.ts';
import type { HistoryRowError } from '#src/domain/mobility/history-import.ts';
import type { MessageParams } from '#src/domain/shared/refusal.ts';
import { loadActor } from '#src/services/auth/sessions.ts';
import { systemClock } from '#src/services/clock.ts';
import { AppError } from '#src/services/errors.ts';
import {
  importMobilityHistory,
  type ImportProgress,
} from '#src/services/mobility/history-import.ts';

export const IMPORT_HELP = `Usage: kakehashi import mobilities FILE [--as EMAIL]

Imports a mobility history file (CSV, UTF-8 with a header row, or XLSX, its first sheet; the
columns are in docs/formats/mobility-history.md). Every row is checked first: when any row is
wrong, nothing is written, the first 100 errors are printed (line, column, code, text) with
their count, and the exit code is 1. Importing the same file again adds nothing.
  --as EMAIL   act as this person: only rows of institutions whose mobilities they manage are
               accepted (without it: as the platform operator, for every institution)`;

export class ImportUsageError extends Error {}

/** An English text of the translation files, its {{params}} filled in plainly. */
export function englishText(texts: Record<string, string>, code: string, params: MessageParams) {
  const template = texts[code.replace(/^mobility\./, '')] ?? code;
  return template.replace(/\{\{\s*(\w+)(?:\s*,\s*(\w+))?\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (Array.isArray(value)) return value.map((v) => plain(v)).join(', ');
    return plain(value);
  });
}

const plain = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? String((value as Record<string, string>).en ?? Object.values(value)[0] ?? '')
      : String(value);

async function englishTexts(): Promise<Record<string, string>> {
  const file = new URL('../web/locales/features/mobility.en.json', import.meta.url);
  const json = JSON.parse(await readFile(file, 'utf8')) as {
    refusals: { mobility: Record<string, string> };
  };
  return json.refusals.mobility;
}

/** A progress line: a bar redrawn in place on a terminal, plain lines otherwise. */
function progressWriter(totalBytes: number, readBytes: () => number) {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastLine = 0;
  return (p: ImportProgress) => {
    if (tty) {
      const share = p.phase === 'reading' ? Math.min(1, readBytes() / totalBytes) : 1;
      const width = 30;
      const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
      process.stderr.write(
        `\r${p.phase.padEnd(10)} [${bar}] ${p.rows} rows, ${p.errorCount} errors `,
      );
      return;
    }
    const now = Date.now();
    if (p.phase !== lastPhase || now - lastLine > 2000) {
      process.stderr.write(`${p.phase}: ${p.rows} rows, ${p.errorCount} errors\n`);
      lastPhase = p.phase;
      lastLine = now;
    }
  };
}

export async function importCommand(
  args: string[],
  open: () => Promise<Database>,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(IMPORT_HELP);
    return 0;
  }
  const [what, file] = positionals;
  if (what !== 'mobilities' || !file)
    throw new ImportUsageError('usage: kakehashi import mobilities FILE [--as EMAIL]');
  const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const size = (await stat(file)).size;
  const database = await open();
  try {
    let actor:
      | { id: string; platformAdmin: boolean; roles: never[] }
      | Awaited<ReturnType<typeof loadActor>> = {
      id: '00000000-0000-0000-0000-000000000000',
      platformAdmin: true,
      roles: [],
    };
    if (values.as) {
      const user = await userByEmail(database.db, values.as.toLowerCase());
      if (!user) throw new ImportUsageError(`nobody has the address ${values.as}`);
      actor = await loadActor(database.db, user.id);
    }
    const input = createReadStream(file);
    const outcome = await importMobilityHistory(
      { db: database.db, actor, clock: systemClock },
      input,
      format,
      { onProgress: progressWriter(size, () => input.bytesRead) },
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (outcome.state === 'refused') {
      const texts = await englishTexts();
      for (const e of outcome.errors) console.error(errorLine(texts, e));
      console.error(
        `${outcome.errorCount} error(s) in ${outcome.rows} rows${
          outcome.errorCount > outcome.errors.length
            ? ` (the first ${outcome.errors.length} shown)`
            : ''
        }; nothing was written.`,
      );
      return 1;
    }
    console.log(
      `Imported ${outcome.rows} rows: ${outcome.inserted} added, ${outcome.alreadyPresent} already present.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const texts = await englishTexts();
      const issues = (error.details.issues ?? []) as { code: string; params?: MessageParams }[];
      for (const issue of issues)
        console.error(`file: ${issue.code}: ${englishText(texts, issue.code, issue.params ?? {})}`);
      if (!issues.length) console.error(`kakehashi: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function errorLine(texts: Record<string, string>, e: HistoryRowError): string {
  return `line ${e.line}, ${e.column}: ${e.code}: ${englishText(texts, e.code, e.params)}`;
}
