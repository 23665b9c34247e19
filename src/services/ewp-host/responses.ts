/**
 * The small XML documents the host writes itself: error-response, Echo, the index responses,
 * empty get-responses and the Discovery manifest (EWP architecture v1, Echo v2, IIAs v7,
 * OMobilities v2, OMobility LAs v1, Discovery v6).
 */

const COMMON =
  'https://github.com/erasmus-without-paper/ewp-specs-architecture/blob/stable-v1/common-types.xsd';
const GH = 'https://github.com/erasmus-without-paper';

export type EwpApi = 'iias' | 'omobilities' | 'omobility-las';

/** Namespaces, element names and spec versions of the three data APIs. */
export const APIS: Record<
  EwpApi,
  { repo: string; stable: string; version: string; idElement: string }
> = {
  iias: { repo: 'ewp-specs-api-iias', stable: 'stable-v7', version: '7.0.0', idElement: 'iia-id' },
  omobilities: {
    repo: 'ewp-specs-api-omobilities',
    stable: 'stable-v2',
    version: '2.0.0',
    idElement: 'omobility-id',
  },
  'omobility-las': {
    repo: 'ewp-specs-api-omobility-las',
    stable: 'stable-v1',
    version: '1.2.0',
    idElement: 'omobility-id',
  },
};

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Text or attribute content with the five XML specials escaped, and no character XML forbids. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<error-response>` with a message for the partner's developers (architecture v1). */
export function errorResponseXml(developerMessage: string): string {
  return `${XML_DECL}<error-response xmlns="${COMMON}">\n  <developer-message>${xmlEscape(developerMessage)}</developer-message>\n</error-response>\n`;
}

/** The Echo v2 response: the caller's HEIs as we see them, and the echoed values. */
export function echoResponseXml(heiIds: string[], echoes: string[]): string {
  const lines = [
    ...heiIds.map((h) => `  <hei-id>${xmlEscape(h)}</hei-id>`),
    ...echoes.map((e) => `  <echo>${xmlEscape(e)}</echo>`),
  ];
  return `${XML_DECL}<response xmlns="${GH}/ewp-specs-api-echo/tree/stable-v2">\n${lines.map((l) => `${l}\n`).join('')}</response>\n`;
}

const endpointNs = (api: EwpApi, kind: 'index' | 'get') =>
  `${GH}/${APIS[api].repo}/blob/${APIS[api].stable}/endpoints/${kind}-response.xsd`;

/** `<iias-index-response>`, `<omobilities-index-response>`, `<omobility-las-index-response>`. */
export function indexResponseXml(api: EwpApi, ids: string[]): string {
  const el = APIS[api].idElement;
  const body = ids.map((id) => `  <${el}>${xmlEscape(id)}</${el}>\n`).join('');
  return `${XML_DECL}<${api}-index-response xmlns="${endpointNs(api, 'index')}">\n${body}</${api}-index-response>\n`;
}

/** A get-response holding no document (every asked id unknown or not readable). */
export function emptyGetResponse(api: EwpApi): string {
  return `${XML_DECL}<${api}-get-response xmlns="${endpointNs(api, 'get')}"/>\n`;
}

export interface ManifestInput {
  /** The https origin the endpoints are served at (no trailing slash). */
  baseUrl: string;
  adminEmails: string[];
  adminProvider: string;
  hei: {
    id: string;
    names: { lang: string; value: string }[];
    erasmusCode?: string | null;
    pic?: string | null;
  };
  /** Base64 DER (SubjectPublicKeyInfo) of the keys our responses are signed with. */
  serverKeys: string[];
  maxIds: number;
}

/** The EWP paths of this host, under the base URL. */
export const EWP_PATHS = {
  manifest: '/ewp/manifest.xml',
  echo: '/ewp/echo',
  iiasIndex: '/ewp/iias/index',
  iiasGet: '/ewp/iias/get',
  omobilitiesIndex: '/ewp/omobilities/index',
  omobilitiesGet: '/ewp/omobilities/get',
  lasIndex: '/ewp/omobility-las/index',
  lasGet: '/ewp/omobility-las/get',
} as const;

const SECURITY = `<http-security>
        <sec:client-auth-methods>
          <httpsig xmlns="${GH}/ewp-specs-sec-cliauth-httpsig/tree/stable-v1"/>
        </sec:client-auth-methods>
        <sec:server-auth-methods>
          <tlscert xmlns="${GH}/ewp-specs-sec-srvauth-tlscert/tree/stable-v1"/>
          <httpsig xmlns="${GH}/ewp-specs-sec-srvauth-httpsig/tree/stable-v1"/>
        </sec:server-auth-methods>
      </http-security>`;

/** Lines of base64 at most 64 characters long, as in PEM. */
const wrap = (b64: string) => b64.match(/.{1,64}/g)?.join('\n        ') ?? '';

/**
 * The Discovery v6 manifest: the APIs this host implements (with HTTP Signature client
 * authentication and optional signed responses), the one HEI it covers, and its server keys.
 */
export function manifestXml(m: ManifestInput): string {
  const url = (path: string) => xmlEscape(`${m.baseUrl}${path}`);
  const entry = (api: EwpApi, inner: string) =>
    `    <${api} xmlns="${GH}/${APIS[api].repo}/blob/${APIS[api].stable}/manifest-entry.xsd" version="${APIS[api].version}">
      ${SECURITY}
${inner}
    </${api}>`;
  const otherIds = [
    m.hei.erasmusCode
      ? `<r:other-id type="erasmus">${xmlEscape(m.hei.erasmusCode)}</r:other-id>`
      : '',
    m.hei.pic ? `<r:other-id type="pic">${xmlEscape(m.hei.pic)}</r:other-id>` : '',
  ].filter(Boolean);
  const names = m.hei.names.length > 0 ? m.hei.names : [{ lang: 'en', value: m.hei.id }];
  return `${XML_DECL}<manifest xmlns="${GH}/ewp-specs-api-discovery/tree/stable-v6"
    xmlns:ewp="${COMMON}"
    xmlns:sec="${GH}/ewp-specs-sec-intro/tree/stable-v2"
    xmlns:r="${GH}/ewp-specs-api-registry/tree/stable-v1">
  <host>
${m.adminEmails.map((e) => `    <ewp:admin-email>${xmlEscape(e)}</ewp:admin-email>\n`).join('')}    <ewp:admin-provider>${xmlEscape(m.adminProvider)}</ewp:admin-provider>
    <r:apis-implemented>
    <discovery xmlns="${GH}/ewp-specs-api-discovery/blob/stable-v6/manifest-entry.xsd" version="6.0.0">
      <url>${url(EWP_PATHS.manifest)}</url>
    </discovery>
    <echo xmlns="${GH}/ewp-specs-api-echo/blob/stable-v2/manifest-entry.xsd" version="2.0.1">
      ${SECURITY}
      <url>${url(EWP_PATHS.echo)}</url>
    </echo>
${entry(
  'iias',
  `      <get-url>${url(EWP_PATHS.iiasGet)}</get-url>
      <max-iia-ids>${m.maxIds}</max-iia-ids>
      <index-url>${url(EWP_PATHS.iiasIndex)}</index-url>`,
)}
${entry(
  'omobilities',
  `      <get-url>${url(EWP_PATHS.omobilitiesGet)}</get-url>
      <index-url>${url(EWP_PATHS.omobilitiesIndex)}</index-url>
      <max-omobility-ids>${m.maxIds}</max-omobility-ids>`,
)}
${entry(
  'omobility-las',
  `      <get-url>${url(EWP_PATHS.lasGet)}</get-url>
      <index-url>${url(EWP_PATHS.lasIndex)}</index-url>
      <max-omobility-ids>${m.maxIds}</max-omobility-ids>`,
)}
    </r:apis-implemented>
    <institutions-covered>
      <r:hei id="${xmlEscape(m.hei.id)}">
${[...otherIds, ...names.map((n) => `<r:name xml:lang="${xmlEscape(n.lang)}">${xmlEscape(n.value)}</r:name>`)].map((l) => `        ${l}\n`).join('')}      </r:hei>
    </institutions-covered>
    <server-credentials-in-use>
${m.serverKeys.map((k) => `      <rsa-public-key>\n        ${wrap(k)}\n      </rsa-public-key>\n`).join('')}    </server-credentials-in-use>
  </host>
</manifest>
`;
}
