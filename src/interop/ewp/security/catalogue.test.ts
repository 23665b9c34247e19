import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueError, parseCatalogue } from './catalogue.ts';

const EXAMPLE = resolve(process.cwd(), '../shared/ewp/registry/v1/examples/catalogue-example.xml');
const FINGERPRINT = '5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4';

describe('registry catalogue keys', () => {
  it('maps the example catalogue’s client and server key to the HEI its host covers', () => {
    const keys = parseCatalogue(readFileSync(EXAMPLE, 'utf8'));
    expect([...keys.clients.keys()]).toEqual([FINGERPRINT]);
    expect(keys.clients.get(FINGERPRINT)?.heiIds).toEqual(['uw.edu.pl']);
    expect(keys.servers.get(FINGERPRINT)?.heiIds).toEqual(['uw.edu.pl']);
  });

  it('leaves out a key whose content does not match its announced fingerprint', () => {
    const xml = readFileSync(EXAMPLE, 'utf8').replaceAll(FINGERPRINT, 'ab'.repeat(32));
    expect(parseCatalogue(xml).clients.size).toBe(0);
  });

  it('refuses a DTD and a document that is no catalogue', () => {
    expect(() =>
      parseCatalogue('<!DOCTYPE c [<!ENTITY x "y">]><catalogue>&x;</catalogue>'),
    ).toThrow(CatalogueError);
    expect(() => parseCatalogue('<manifest/>')).toThrow(CatalogueError);
  });
});
