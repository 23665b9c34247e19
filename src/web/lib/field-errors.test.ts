import { describe, expect, it } from 'vitest';
import { messagesFor } from './field-errors.ts';

describe('messagesFor', () => {
  const issues = [
    { field: 'content.title', message: 'required' },
    { field: 'content.directions[0].fields[1]', message: 'not an ISCED-F 2013 four-digit code' },
    { field: 'content.directions[1].levels', message: 'name at least one level (R3)' },
  ];

  it('finds the issues of one field', () => {
    expect(messagesFor(issues, 'content.title')).toEqual(['required']);
    expect(messagesFor(issues, 'content.titles')).toEqual([]);
  });

  it('with nested, also the issues inside it', () => {
    expect(messagesFor(issues, 'content.directions[0].fields')).toEqual([]);
    expect(messagesFor(issues, 'content.directions[0].fields', true)).toEqual([
      'not an ISCED-F 2013 four-digit code',
    ]);
    expect(messagesFor(issues, 'content.directions[1]', true)).toEqual([
      'name at least one level (R3)',
    ]);
  });
});
