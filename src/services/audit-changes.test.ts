import { describe, expect, it } from 'vitest';
import { diffChanges, isSecretField, REDACTED } from './audit-changes.ts';

describe('diffChanges', () => {
  it('keeps only the fields that differ, with their values before and after', () => {
    expect(
      diffChanges(
        { name: 'Tohoku', city: 'Sendai', website: null, founded: 1907 },
        { name: 'Tohoku University', city: 'Sendai', website: null, founded: 1907 },
      ),
    ).toEqual({ name: { before: 'Tohoku', after: 'Tohoku University' } });
  });

  it('compares nested objects field by field, under dotted paths in sorted order', () => {
    const changes = diffChanges(
      { content: { title: { en: 'Call', ja: '募集' }, places: 3 } },
      { content: { title: { en: 'Spring call', ja: '募集' }, places: 4 } },
    );
    expect(changes).toEqual({
      'content.places': { before: 3, after: 4 },
      'content.title.en': { before: 'Call', after: 'Spring call' },
    });
    expect(Object.keys(changes)).toEqual(['content.places', 'content.title.en']);
  });

  it('compares arrays and dates as whole values, by value', () => {
    expect(
      diffChanges(
        { ids: ['a', 'b'], at: new Date('2026-04-01T00:00:00Z'), hosts: [{ id: 'x', n: 1 }] },
        { ids: ['a', 'b'], at: new Date('2026-04-01T00:00:00Z'), hosts: [{ n: 1, id: 'x' }] },
      ),
    ).toEqual({});
    expect(diffChanges({ ids: ['a'] }, { ids: ['a', 'b'] })).toEqual({
      ids: { before: ['a'], after: ['a', 'b'] },
    });
    expect(
      diffChanges(
        { at: new Date('2026-04-01T00:00:00Z') },
        { at: new Date('2026-04-02T00:00:00Z') },
      ),
    ).toEqual({ at: { before: '2026-04-01T00:00:00.000Z', after: '2026-04-02T00:00:00.000Z' } });
  });

  it('lists every field of a creation (only after) and of a deletion (only before)', () => {
    expect(diffChanges(undefined, { status: 'open', names: { en: 'X' } })).toEqual({
      'names.en': { before: null, after: 'X' },
      status: { before: null, after: 'open' },
    });
    expect(diffChanges({ status: 'open' }, null)).toEqual({
      status: { before: 'open', after: null },
    });
  });

  it('treats a missing field and an undefined one alike', () => {
    expect(diffChanges({ a: 1, b: undefined }, { a: 1 })).toEqual({});
  });

  it('lists a changed secret but keeps neither value', () => {
    const changes = diffChanges(
      { passwordHash: '$argon2id$old', iban: 'DE89 3704', bank: { accountNumber: '1234567' } },
      { passwordHash: '$argon2id$new', iban: 'DE89 3705', bank: { accountNumber: '7654321' } },
    );
    expect(changes).toEqual({
      'bank.accountNumber': { before: REDACTED, after: REDACTED },
      iban: { before: REDACTED, after: REDACTED },
      passwordHash: { before: REDACTED, after: REDACTED },
    });
    expect(JSON.stringify(changes)).not.toMatch(/argon|DE89|1234567|7654321/);
  });

  it('does not list a secret that did not change', () => {
    expect(diffChanges({ token: 't', a: 1 }, { token: 't', a: 2 })).toEqual({
      a: { before: 1, after: 2 },
    });
  });

  it('never keeps document contents: bytes anywhere, and secrets inside a whole value', () => {
    const changes = diffChanges(
      { file: { name: 'a.pdf', data: Buffer.from('old') } },
      { file: { name: 'a.pdf', data: Buffer.from('new') }, list: [{ secret: 's', x: 1 }] },
    );
    expect(changes).toEqual({
      'file.data': { before: REDACTED, after: REDACTED },
      list: { before: null, after: [{ secret: REDACTED, x: 1 }] },
    });
    expect(diffChanges({ blob: new Uint8Array([1]) }, { blob: new Uint8Array([2]) })).toEqual({
      blob: { before: REDACTED, after: REDACTED },
    });
  });

  it('recognises secret field names whatever their case or separators', () => {
    for (const name of [
      'password',
      'password_hash',
      'csrfToken',
      'IBAN',
      'account-number',
      'bytes',
    ])
      expect(isSecretField(name), name).toBe(true);
    for (const name of ['content', 'title', 'status', 'names'])
      expect(isSecretField(name)).toBe(false);
  });
});
