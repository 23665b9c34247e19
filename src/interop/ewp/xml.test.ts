import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkXmlIntake, parseXml, rootName } from './xml.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('safe XML intake', () => {
  it('refuses an external entity (XXE) before parsing', () => {
    const r = checkXmlIntake(fixture('xxe.xml'));
    expect(r).toMatchObject({
      ok: false,
      refusal: { code: 'ewp.dtd_forbidden', params: { declaration: 'DOCTYPE', line: 2 } },
    });
  });

  it('refuses the billion-laughs entity expansion before parsing', () => {
    const r = checkXmlIntake(fixture('billion-laughs.xml'));
    expect(r).toMatchObject({ ok: false, refusal: { code: 'ewp.dtd_forbidden' } });
  });

  it('refuses an entity declared without a DOCTYPE line as well', () => {
    const r = checkXmlIntake('<a><!ENTITY x "y"></a>');
    expect(r).toMatchObject({ ok: false, refusal: { code: 'ewp.dtd_forbidden' } });
  });

  it('refuses a document over the size limit, naming the limit', () => {
    const r = checkXmlIntake('<a>' + 'x'.repeat(200) + '</a>', { maxBytes: 100 });
    expect(r).toMatchObject({
      ok: false,
      refusal: { code: 'ewp.too_large', params: { limitBytes: 100, sizeBytes: 207 } },
    });
  });

  it('refuses XML that is not well-formed, with line and column', () => {
    const r = checkXmlIntake('<a>\n  <b>\n</a>');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.code).toBe('ewp.not_well_formed');
    expect(r.refusal.params.line).toBe(3);
    expect(typeof r.refusal.params.column).toBe('number');
  });

  it('refuses an undeclared entity reference, but not one inside CDATA', () => {
    expect(checkXmlIntake('<a>\n&foo;</a>')).toMatchObject({
      ok: false,
      refusal: { code: 'ewp.not_well_formed', params: { line: 2, column: 1 } },
    });
    expect(checkXmlIntake('<a><![CDATA[&foo;]]> &amp; &#233; &#x41;</a>').ok).toBe(true);
  });

  it('refuses an empty document', () => {
    expect(checkXmlIntake('')).toMatchObject({
      ok: false,
      refusal: { code: 'ewp.not_well_formed' },
    });
  });

  it('accepts bytes with a byte order mark and parses without namespace prefixes', () => {
    const bytes = new TextEncoder().encode(
      '\ufeff<x:a xmlns:x="u"><x:b k="1">t &amp; u</x:b></x:a>',
    );
    const r = checkXmlIntake(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(rootName(r.xml)).toBe('a');
    expect(parseXml(r.xml, new Set(['b']))).toMatchObject({
      a: { b: [{ '@_k': '1', '#text': 't & u' }] },
    });
  });
});
