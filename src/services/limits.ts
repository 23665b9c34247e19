/**
 * The resource limits of the platform, in one place: what each kind of request may weigh, how far
 * an uploaded workbook may expand, and how much heavy work may run at once. A request beyond a
 * size limit is refused with 413 `payload_too_large`; a person beyond the task limit with 429
 * `rate_limited`; each with a refusal naming the limit (`limits.*`, src/domain/shared/refusal-codes.ts).
 */
import { availableParallelism } from 'node:os';
import type { ZipLimits } from '#src/interop/zip.ts';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Every JSON request without a limit of its own (forms, searches, decisions). */
  jsonBodyBytes: 1 * MiB,
  /**
   * An allocation instance (kakehashi-allocation/1): about 200 bytes a student, so 8 MiB holds
   * a national call of 30,000 students.
   */
  allocationBodyBytes: 8 * MiB,
  /** A CSV or XLSX registry import, as sent. */
  importBodyBytes: 5 * MiB,
  /**
   * A mobility history file (CSV or XLSX), sent as a multipart upload: about 150 bytes a stay,
   * so some 400,000 stays, an office's decades. Larger histories go through the command line.
   */
  mobilityHistoryBodyBytes: 64 * MiB,
  /** A document of an application (PDF, PNG, JPEG), as documented. */
  documentBytes: 5 * MiB,
  /** Its request: the document, plus room to say by how much a larger one is over. */
  documentBodyBytes: 6 * MiB,
  /** An XLSX workbook (a ZIP archive) before it is parsed. */
  workbook: {
    maxEntries: 1000,
    maxUncompressedBytes: 32 * MiB,
    maxRatio: 100,
    ratioGraceBytes: 1 * MiB,
  } satisfies ZipLimits,
  /**
   * A publication file (BibTeX, RIS, CSL-JSON, Crossref or OpenAlex JSON) sent as text in a JSON
   * body: 4 MiB of text holds some ten thousand references, more than one institution's year.
   */
  publicationFileBytes: 4 * MiB,
  /** Its request: the file's text escaped in JSON, plus its name. */
  publicationImportBodyBytes: 9 * MiB,
  /**
   * A partner's EWP file sent as text in a JSON body: the intake refuses XML over 5 MiB itself
   * (so the refusal is translated); the request may hold that much text escaped in JSON.
   */
  ewpImportBodyBytes: 11 * MiB,
  /**
   * Seconds the MIP solver may spend on an allocation run's `optimal`. Past them the run keeps
   * the best allocation found, marked unproven with the bounds of the optimum, rather than
   * failing and losing the other mechanisms' results.
   */
  optimalSolverSeconds: 60,
  /** Heavy tasks (imports, allocation runs, reports) one person may have running or waiting. */
  tasksPerUser: 2,
  /** Worker threads for heavy tasks: every core but one for the request thread, at least one. */
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
} as const;

export type Limits = typeof LIMITS;
