import { describe, expect, it } from 'vitest';
import { emptyApplication } from '../../../domain/program/application.ts';
import { DRAFT_FAILING_R1 } from '../../../db/seed/demo-applications.ts';
import {
  checkTarget,
  fieldId,
  focusCandidates,
  isWithin,
  refusedAt,
  type PathCheck,
} from './dossier-paths.ts';

const app = DRAFT_FAILING_R1;
const refused = (code: string, field: string, params: Record<string, unknown> = {}): PathCheck => ({
  code: `program.${code}`,
  ok: false,
  field,
  params,
});

describe('fieldId', () => {
  it('derives an id usable in a selector from a path', () => {
    expect(fieldId('outline.agreement.copyAttachmentId')).toBe(
      'dossier-outline-agreement-copyAttachmentId',
    );
    expect(fieldId('attachments.consents.hokudai.ac.jp')).toBe(
      'dossier-attachments-consents-hokudai-ac-jp',
    );
    expect(fieldId('outline.numbers.0.outbound')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('isWithin', () => {
  it('counts the path itself and the fields inside it, not a field that merely starts alike', () => {
    expect(isWithin('outline.numbers', 'outline.numbers')).toBe(true);
    expect(isWithin('outline.numbers.0.outbound', 'outline.numbers')).toBe(true);
    expect(isWithin('outline.numbersX', 'outline.numbers')).toBe(false);
    expect(isWithin('outline', 'outline.numbers')).toBe(false);
    expect(isWithin(undefined, 'outline')).toBe(false);
  });
});

describe('checkTarget', () => {
  it('keeps the field of a check about one control (R2 — 003 §5(2))', () => {
    const check = refused('agreement_copy_missing', 'outline.agreement.copyAttachmentId');
    expect(checkTarget(check, app)).toBe('outline.agreement.copyAttachmentId');
  });
  it('R16: sends a missing consent to the consent row of that member', () => {
    const check = refused('consent_missing', 'attachments', { institutionId: 'isu.ru' });
    expect(checkTarget(check, app)).toBe('attachments.consents.isu.ru');
  });
  it('R17: sends untranslated texts to the member’s outline in §6(4)', () => {
    const check = refused('texts_untranslated', 'outline.consortia.partner.members', {
      institutionId: 'asu.ru',
    });
    expect(checkTarget(check, app)).toBe('memberOutlines.partner.2');
  });
  it('R17: sends an untranslated attachment to its row', () => {
    const check = refused('attachment_untranslated', 'attachments', {
      institutionId: 'dvfu.ru',
      attachmentId: 'att-agreement',
    });
    expect(checkTarget(check, app)).toBe('attachments.0');
  });
  it('R15: sends missing member outlines to the §6(4) section, other items to their item', () => {
    expect(
      checkTarget(
        refused('section_missing', 'outline.consortia', { section: 'memberOutlines' }),
        app,
      ),
    ).toBe('memberOutlines');
    expect(checkTarget(refused('item_missing', 'outline.consortia', { item: 2 }), app)).toBe(
      'outline.consortia',
    );
  });
  it('R18: the program and the status have no control', () => {
    expect(checkTarget(refused('deadline_passed', 'programId'), app)).toBeNull();
    expect(checkTarget({ code: 'program.x', ok: false }, app)).toBeNull();
  });
});

describe('refusedAt', () => {
  const checks: PathCheck[] = [
    refused('item_missing', 'outline.screening', { item: 9 }),
    refused('screening_methods_missing', 'outline.screening.methods'),
    { code: 'program.screening_ok', ok: true, field: 'outline.screening' },
  ];
  it('gives a field the refused checks at or inside its path', () => {
    expect(refusedAt(checks, app, 'outline.screening').map((c) => c.code)).toEqual([
      'program.item_missing',
      'program.screening_methods_missing',
    ]);
    expect(refusedAt(checks, app, 'outline.screening.methods').map((c) => c.code)).toEqual([
      'program.screening_methods_missing',
    ]);
  });
  it('with exact, only those at the path (the section’s own)', () => {
    expect(refusedAt(checks, emptyApplication('a', 'p'), 'outline.screening', true)).toHaveLength(
      1,
    );
  });
});

describe('focusCandidates', () => {
  it('tries the path, then each shorter prefix', () => {
    expect(focusCandidates('outline.numbers.0.outbound')).toEqual([
      'outline.numbers.0.outbound',
      'outline.numbers.0',
      'outline.numbers',
      'outline',
    ]);
  });
});
