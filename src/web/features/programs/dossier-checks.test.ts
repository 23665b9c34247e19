import { describe, expect, it } from 'vitest';
import { DRAFT_FAILING_R1 } from '../../../db/seed/demo-applications.ts';
import { PILOT_PROGRAM_2003 } from '../../../db/seed/demo-programs.ts';
import { setAt } from './dossier-edit.ts';
import { draftChecks, liveChecks } from './dossier-checks.ts';

const server = [
  { rule: 'R1', code: 'program.home_too_few', ok: false },
  { rule: 'R2', code: 'program.registry_expired', ok: false },
  { rule: 'R15', code: 'program.section_missing', ok: false },
];

describe('liveChecks', () => {
  it('shows the server’s checks while the draft is as saved', () => {
    expect(
      liveChecks(server, [{ rule: 'R15', code: 'program.dossier_complete', ok: true }], false),
    ).toEqual(server);
  });
  it('shows the browser’s checks of an edited draft, and the server’s for the rules it does not check', () => {
    const local = [{ rule: 'R15', code: 'program.dossier_complete', ok: true }];
    expect(liveChecks(server, local, true).map((c) => c.code)).toEqual([
      'program.dossier_complete',
      'program.home_too_few',
      'program.registry_expired',
    ]);
  });
  it('R1, R2: rules judged against the registry keep the server’s result while editing', () => {
    const local = [
      { rule: 'R1', code: 'program.consortia_ok', ok: true },
      { rule: 'R2', code: 'program.agreement_copy_missing', ok: false },
      { rule: 'R15', code: 'program.dossier_complete', ok: true },
    ];
    expect(liveChecks(server, local, true).map((c) => c.code)).toEqual([
      'program.dossier_complete',
      'program.home_too_few',
      'program.registry_expired',
    ]);
  });
  it('keeps the server’s checks when the browser has none (the rules did not load)', () => {
    expect(liveChecks(server, null, true)).toEqual(server);
  });
});

describe('draftChecks', () => {
  it('R15 — 003 §6(3)1): an emptied item is refused at once, and passes again when filled in', () => {
    const now = new Date('2003-05-01T00:00:00Z');
    const emptied = setAt(DRAFT_FAILING_R1, 'plan.consultations', []);
    const r15 = (app: typeof DRAFT_FAILING_R1) =>
      draftChecks(PILOT_PROGRAM_2003, app, now).filter((c) => c.rule === 'R15');
    expect(r15(emptied).map((c) => [c.ok, c.field])).toEqual([[false, 'plan.consultations']]);
    expect(r15(DRAFT_FAILING_R1).every((c) => c.ok)).toBe(true);
  });
});
