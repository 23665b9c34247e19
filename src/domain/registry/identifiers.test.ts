import { describe, expect, it } from 'vitest';
import {
  classifyIdentifier,
  parseDoi,
  parseErasmusCode,
  parseOrcid,
  parsePic,
  parseRor,
} from './identifiers.ts';

describe('ROR ids', () => {
  it('accepts real ids, bare or as links, and answers the bare id', () => {
    expect(parseRor('02956yf07')).toBe('02956yf07'); // University of Tsukuba
    expect(parseRor('https://ror.org/02rx3b187')).toBe('02rx3b187'); // Université Grenoble Alpes
    expect(parseRor(' HTTPS://ROR.ORG/01DQ60K83 ')).toBe('01dq60k83'); // Tohoku University
  });
  it('refuses a wrong check number, letters outside Crockford base32 and other shapes', () => {
    expect(parseRor('02956yf08')).toBeNull();
    expect(parseRor('02rx3b186')).toBeNull();
    expect(parseRor('02956yl07')).toBeNull(); // l is not in the alphabet
    expect(parseRor('12956yf07')).toBeNull(); // must start with 0
    expect(parseRor('02956yf7')).toBeNull();
    expect(parseRor('https://example.org/02956yf07')).toBeNull();
  });
});

describe('ORCID iDs', () => {
  it('accepts the real example and its link, with the X check character', () => {
    expect(parseOrcid('0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(parseOrcid('https://orcid.org/0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(parseOrcid('0000000218250097')).toBe('0000-0002-1825-0097');
    expect(parseOrcid('0000-0002-9079-593x')).toBe('0000-0002-9079-593X');
  });
  it('refuses a wrong check character and other shapes', () => {
    expect(parseOrcid('0000-0002-1825-0098')).toBeNull();
    expect(parseOrcid('0000-0002-1825-009')).toBeNull();
    expect(parseOrcid('0000-00021-825-0097')).toBeNull();
    expect(parseOrcid('abcd-0002-1825-0097')).toBeNull();
  });
});

describe('DOIs', () => {
  it('strips resolver prefixes and compares in lower case', () => {
    expect(parseDoi('10.1038/nphys1170')).toBe('10.1038/nphys1170');
    expect(parseDoi('https://doi.org/10.1038/NPHYS1170')).toBe('10.1038/nphys1170');
    expect(parseDoi('doi:10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI1>3.0.CO;2-O')).toBe(
      '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi1>3.0.co;2-o',
    );
    expect(parseDoi('http://dx.doi.org/10.5555/12345678')).toBe('10.5555/12345678');
    expect(parseDoi('https://doi.org/10.1000.10/abc%2Fdef')).toBe('10.1000.10/abc/def');
  });
  it('refuses anything else', () => {
    expect(parseDoi('11.1038/nphys1170')).toBeNull();
    expect(parseDoi('10.12/x')).toBeNull();
    expect(parseDoi('10.1038/')).toBeNull();
    expect(parseDoi('10.1038/a b')).toBeNull();
    expect(parseDoi('https://example.org/10.1038/x')).toBeNull();
  });
});

describe('Erasmus codes and PICs', () => {
  it('answers the official Erasmus form, the country padded to three characters', () => {
    expect(parseErasmusCode('F GRENOBL55')).toBe('F  GRENOBL55');
    expect(parseErasmusCode('f  grenobl55')).toBe('F  GRENOBL55');
    expect(parseErasmusCode('SF HELSINK01')).toBe('SF HELSINK01');
    expect(parseErasmusCode('GRENOBLE')).toBeNull();
    expect(parseErasmusCode('F 55')).toBeNull();
  });
  it('accepts nine digits as a PIC', () => {
    expect(parsePic('999864846')).toBe('999864846');
    expect(parsePic('99986484')).toBeNull();
    expect(parsePic('99986484A')).toBeNull();
  });
});

describe('classifying a looked-up value', () => {
  it('tells each kind apart', () => {
    expect(classifyIdentifier('https://doi.org/10.5555/x1')).toEqual({
      kind: 'doi',
      value: '10.5555/x1',
    });
    expect(classifyIdentifier('0000-0002-1825-0097')?.kind).toBe('orcid');
    expect(classifyIdentifier('02956yf07')?.kind).toBe('ror');
    expect(classifyIdentifier('999864846')?.kind).toBe('pic');
    expect(classifyIdentifier('F GRENOBL55')?.kind).toBe('erasmus');
    expect(classifyIdentifier('Tsukuba.ac.jp')).toEqual({ kind: 'schac', value: 'tsukuba.ac.jp' });
    expect(classifyIdentifier('???')).toBeNull();
  });
});
