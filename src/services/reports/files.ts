/**
 * The implementation report as files: an A4 PDF in Japanese unless another language is asked for
 * (the funder reads Japanese; an English version on demand), and an XLSX workbook in the reader's
 * language. Both read the same figures as the page (`getReport`).
 */
import { LANGUAGES, type Language } from '#src/domain/shared/refusal.ts';
import { languageOf } from '#src/db/queries/notify.ts';
import {
  renderImplementationPdf,
  renderImplementationWorkbook,
} from '#src/reports/implementation/render.ts';
import type { ServiceContext } from '../context.ts';
import { getReport } from './implementation.ts';

const isLanguage = (x: string | null): x is Language =>
  x !== null && (LANGUAGES as readonly string[]).includes(x);

const fileName = (
  projectId: string,
  fiscalYear: number,
  version: number,
  lang: Language,
  ext: string,
) => `implementation-report-${projectId}-FY${fiscalYear}-v${version}-${lang}.${ext}`;

export async function reportPdf(
  ctx: ServiceContext,
  projectId: string,
  fiscalYear: number,
  query: { lang?: Language; version?: number },
) {
  const view = await getReport(ctx, projectId, fiscalYear, { version: query.version });
  const language = query.lang ?? 'ja';
  return {
    body: await renderImplementationPdf(view, language),
    filename: fileName(projectId, fiscalYear, view.version, language, 'pdf'),
  };
}

export async function reportWorkbook(
  ctx: ServiceContext,
  projectId: string,
  fiscalYear: number,
  query: { lang?: Language; version?: number },
) {
  const view = await getReport(ctx, projectId, fiscalYear, { version: query.version });
  const own = ctx.actor ? await languageOf(ctx.db, ctx.actor.id) : null;
  const language = query.lang ?? (isLanguage(own) ? own : 'ja');
  return {
    body: await renderImplementationWorkbook(view, language),
    filename: fileName(projectId, fiscalYear, view.version, language, 'xlsx'),
  };
}
