import { describe, expect, it } from 'vitest';
import { InstitutionInputSchema, validateInstitutionRows } from './institution.ts';

describe('institution input', () => {
  it('takes a SCHAC code (the internet domain) as id, lower-cased', () => {
    const r = InstitutionInputSchema.parse({
      id: 'Tohoku.AC.jp',
      name: 'Tohoku University',
      type: 'university',
      country: 'jp',
      city: 'Sendai',
    });
    expect(r).toMatchObject({ id: 'tohoku.ac.jp', country: 'JP', latitude: null });
    expect(
      InstitutionInputSchema.safeParse({
        id: 'tohoku',
        name: 'x',
        type: 'university',
        country: 'JP',
        city: 'x',
      }).error?.issues[0]?.path,
    ).toEqual(['id']);
  });

  it('checks every row and reports each bad one with its line and field', () => {
    const rows = [
      {
        id: 'nsu.ru',
        name: 'Novosibirsk State University',
        type: 'university',
        country: 'RU',
        city: 'Novosibirsk',
        latitude: '54.84',
        longitude: '83.09',
        'names.ru': 'Новосибирский государственный университет',
      },
      { id: 'bad domain', name: '', type: 'castle', country: 'Russia', city: 'X' },
      { id: 'nsu.ru', name: 'Again', type: 'university', country: 'RU', city: 'Novosibirsk' },
      {
        id: 'isu.ru',
        name: 'Irkutsk State University',
        type: 'university',
        country: 'RU',
        city: 'Irkutsk',
        latitude: '95',
      },
    ];
    const { ok, errors } = validateInstitutionRows(rows);
    expect(ok.map((r) => r.id)).toEqual(['nsu.ru']);
    expect(ok[0]?.names.ru).toBe('Новосибирский государственный университет');
    expect(errors.map((e) => `${e.line}:${e.field}`)).toEqual([
      '3:id',
      '3:name',
      '3:type',
      '3:country',
      '4:id',
      '5:latitude',
    ]);
    expect(errors.find((e) => e.line === 4)?.message).toBe('duplicate of line 2');
  });

  it('refuses existing ids when creating only', () => {
    const rows = [
      { id: 'nsu.ru', name: 'NSU', type: 'university', country: 'RU', city: 'Novosibirsk' },
    ];
    expect(validateInstitutionRows(rows, new Set(['nsu.ru']), 'create').errors[0]?.message).toMatch(
      /already exists/,
    );
    expect(validateInstitutionRows(rows, new Set(['nsu.ru']), 'upsert').errors).toEqual([]);
  });
});
