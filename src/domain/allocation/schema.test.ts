import { describe, expect, test } from 'vitest';
import { makeInstance, student, uni } from './fixtures.ts';
import { formatPath, validateInstance } from './schema.ts';
import type { AllocationInstance } from './types.ts';

const base = (): AllocationInstance =>
  makeInstance(
    [
      uni('tohoku.ac.jp', 'JP', 'jp-east'),
      uni('nsu.ru', 'RU', 'ru-sib'),
      uni('msu.ru', 'RU', 'ru-sib'),
    ],
    [
      ['tohoku.ac.jp', 'nsu.ru', 3],
      ['tohoku.ac.jp', 'msu.ru', 2],
    ],
    Array.from({ length: 20 }, (_, i) =>
      student(
        `s-${String(i).padStart(4, '0')}`,
        i % 2 ? 'nsu.ru' : 'tohoku.ac.jp',
        3,
        i % 2 ? ['tohoku.ac.jp'] : ['nsu.ru', 'msu.ru'],
      ),
    ),
  );

const errorOf = (value: unknown): string => {
  const v = validateInstance(value);
  return v.ok ? 'ok' : v.error;
};

describe('allocation instance validation (docs/formats/allocation.md)', () => {
  test('a valid instance passes', () => {
    expect(errorOf(base())).toBe('ok');
  });

  test('an unknown host in prefs names the field exactly as the contract', () => {
    const inst = base();
    inst.students[17]!.prefs = ['tohoku.ac.jp', 'nsu.ru', 'msu.rx'];
    inst.students[17]!.home = 'msu.ru';
    inst.agreements.push({ from: 'msu.ru', to: 'nsu.ru', slots: 1, monthsCap: null });
    expect(errorOf(inst)).toBe('students[17].prefs[2]: unknown university "msu.rx"');
    const v = validateInstance(inst);
    expect(v.ok ? null : v.refusal).toEqual({
      code: 'allocation.unknown_university',
      params: { university: 'msu.rx' },
    });
  });

  test('a wrong shape carries zod’s issue; a wrong reference a code with params', () => {
    const shape = base() as unknown as { students: { months: number }[] };
    shape.students[0]!.months = 0;
    const v = validateInstance(shape);
    expect(v.ok ? null : v.issue?.code).toBe('too_small');
    const inst = base();
    inst.students[0]!.prefs = ['nsu.ru', 'nsu.ru'];
    const w = validateInstance(inst);
    expect(w.ok ? null : w.refusal).toEqual({
      code: 'allocation.duplicate_host',
      params: { university: 'nsu.ru' },
    });
  });

  test('R2: a pref without an agreement from home is rejected', () => {
    const inst = base();
    inst.students[1]!.prefs = ['tohoku.ac.jp', 'msu.ru'];
    expect(errorOf(inst)).toBe('students[1].prefs[1]: no agreement from "nsu.ru" to "msu.ru"');
  });

  test('acceptedBy outside prefs is rejected', () => {
    const inst = base();
    inst.students[0]!.acceptedBy = ['nsu.ru', 'tohoku.ac.jp'];
    expect(errorOf(inst)).toBe('students[0].acceptedBy[1]: "tohoku.ac.jp" is not in prefs');
  });

  test('duplicates are rejected (universities, agreements, students, prefs)', () => {
    let inst = base();
    inst.universities.push(uni('nsu.ru', 'RU'));
    expect(errorOf(inst)).toBe('universities[3].id: duplicate university "nsu.ru"');
    inst = base();
    inst.agreements.push({ from: 'tohoku.ac.jp', to: 'nsu.ru', slots: 1, monthsCap: null });
    expect(errorOf(inst)).toBe(
      'agreements[4]: duplicate agreement from "tohoku.ac.jp" to "nsu.ru"',
    );
    inst = base();
    inst.students[5]!.id = 's-0000';
    expect(errorOf(inst)).toBe('students[5].id: duplicate student "s-0000"');
    inst = base();
    inst.students[2]!.prefs = ['nsu.ru', 'nsu.ru'];
    expect(errorOf(inst)).toBe('students[2].prefs[1]: duplicate host "nsu.ru"');
  });

  test('references and self-agreements are checked', () => {
    let inst = base();
    inst.agreements[1]!.to = 'spbu.ru';
    expect(errorOf(inst)).toBe('agreements[1].to: unknown university "spbu.ru"');
    inst = base();
    inst.agreements[0]!.to = 'tohoku.ac.jp';
    expect(errorOf(inst)).toBe('agreements[0].to: agreement from "tohoku.ac.jp" to itself');
    inst = base();
    inst.students[3]!.home = 'kyoto';
    expect(errorOf(inst)).toBe('students[3].home: unknown university "kyoto"');
    inst = base();
    inst.students[0]!.prefs = ['tohoku.ac.jp'];
    expect(errorOf(inst)).toBe('students[0].prefs[0]: "tohoku.ac.jp" is the student\'s home');
  });

  test('types and ranges are checked by field path', () => {
    let inst = base() as unknown as { students: { months: unknown }[] };
    inst.students[4]!.months = 0;
    expect(errorOf(inst)).toMatch(/^students\[4\]\.months: /);
    inst = base() as unknown as { students: { months: unknown }[] };
    inst.students[4]!.months = '6';
    expect(errorOf(inst)).toMatch(/^students\[4\]\.months: /);
    const bad = { ...base(), format: 'other' };
    expect(errorOf(bad)).toMatch(/^format: /);
    const rules = base();
    (rules.rules as { tolerance: number }).tolerance = -1;
    expect(errorOf(rules)).toMatch(/^rules\.tolerance: /);
    expect(errorOf(null)).toMatch(/^\(instance\): /);
  });

  test('formatPath writes indices in brackets', () => {
    expect(formatPath(['students', 17, 'prefs', 2])).toBe('students[17].prefs[2]');
    expect(formatPath([])).toBe('(instance)');
  });
});
