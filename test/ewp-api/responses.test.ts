import { describe, expect, it } from 'vitest';
import {
  echoResponseXml,
  emptyGetResponse,
  errorResponseXml,
  indexResponseXml,
} from '#src/services/ewp-host/responses.ts';
import { schemaErrors } from './xsd.ts';

// The XML the host writes itself, against the official schemas (the manifest is checked on the
// running app in ewp-api.test.ts).
describe('EWP host documents', () => {
  it.each([
    ['iias', 'iias/v7/get-response.xsd'],
    ['omobilities', 'omobilities/v2/get-response.xsd'],
    ['omobility-las', 'omobility-las/v1/get-response.xsd'],
  ] as const)(
    'writes a valid empty %s get-response (until the exports are plugged in)',
    async (api, xsd) => {
      expect(await schemaErrors(emptyGetResponse(api), xsd)).toEqual([]);
    },
  );

  it('writes valid index, echo and error responses, escaping what partners send', async () => {
    expect(
      await schemaErrors(indexResponseXml('iias', ['a<&>"b']), 'iias/v7/index-response.xsd'),
    ).toEqual([]);
    const echo = echoResponseXml(['tsukuba.ac.jp'], ['<x>&', 'é\u0001']);
    expect(await schemaErrors(echo, 'echo/v2/response.xsd')).toEqual([]);
    expect(echo).toContain('<echo>&lt;x&gt;&amp;</echo>');
    const error = errorResponseXml('iia_id is required');
    expect(await schemaErrors(error, 'architecture/v1/common-types.xsd')).toEqual([]);
    // A schema error is reported, so the checks above can fail.
    expect(
      await schemaErrors(
        '<response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-echo/tree/stable-v2"><nope/></response>',
        'echo/v2/response.xsd',
      ),
    ).not.toEqual([]);
  });
});
