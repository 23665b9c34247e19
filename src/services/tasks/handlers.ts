/**
 * The tasks a worker thread runs (pool.ts): CPU-heavy work that would otherwise hold the event
 * loop — the three allocation mechanisms, the view of a large run, a workbook's rows, the PDF
 * dossier. Each takes plain data (what structured clone carries) and may report progress.
 */
import type { AllocationInstance } from '#src/domain/allocation/types.ts';
import type { ProjectApplication } from '#src/domain/program/application.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import { renderDossier, type DossierOptions } from '#src/reports/dossier/render.ts';
import { runMechanisms, type PackedResults, type StoredResults } from '../allocation/compute.ts';
import type { RunNames } from '../allocation/names.ts';
import { runJson } from '../allocation/view.ts';
import { parseTable, type TabularFormat } from '../registry/tabular.ts';

type Report = (done: number, total: number) => void;

export const handlers = {
  allocation: (input: { instance: unknown }, progress: Report) =>
    runMechanisms(input.instance, progress),
  'run-view': (input: {
    head: Record<string, unknown>;
    instance: AllocationInstance;
    stored: PackedResults | StoredResults;
    names: RunNames;
  }): Promise<Uint8Array> =>
    runJson(input.head, input.instance, input.stored, input.names).then((json) =>
      Buffer.from(json, 'utf8'),
    ),
  'read-table': (input: { bytes: Uint8Array; format: TabularFormat }) =>
    parseTable(
      Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
      input.format,
    ),
  dossier: async ({
    application,
    rules,
    ...options
  }: {
    application: ProjectApplication;
    rules: ProgramRules;
  } & DossierOptions): Promise<Uint8Array> => {
    return renderDossier(application, rules, options);
  },
} satisfies Record<string, (input: never, progress: Report) => Promise<unknown>>;

export type TaskName = keyof typeof handlers;
export type TaskInput<K extends TaskName> = Parameters<(typeof handlers)[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof handlers)[K]>>;
