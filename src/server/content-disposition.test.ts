import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.ts';

describe('Content-Disposition', () => {
  it('carries any name as RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('東北大学-members.csv')).toBe(
      `attachment; filename="____-members.csv"; filename*=UTF-8''%E6%9D%B1%E5%8C%97%E5%A4%A7%E5%AD%A6-members.csv`,
    );
    expect(contentDisposition('a"b.ics', 'inline')).toBe(
      `inline; filename="a_b.ics"; filename*=UTF-8''a%22b.ics`,
    );
  });
});
