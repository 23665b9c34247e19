/**
 * A real signing SAML 2.0 identity provider on a loopback port, for single sign-on tests. It reads
 * the AuthnRequest of the HTTP-Redirect binding and answers with the auto-submitting form of the
 * HTTP-POST binding, holding a Response whose Assertion it signs with xml-crypto (RSA-SHA256,
 * exclusive canonicalization) with a key pair made for the test run.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';
import { generate } from 'selfsigned';
import { SignedXml } from 'xml-crypto';

export const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3';

export interface SamlUser {
  nameId: string;
  attributes: Record<string, string>;
}

/** How the next answer deviates from a correct one (each refusal test sets one). */
export interface SamlFault {
  sign?: 'assertion' | 'none' | 'other-key' | 'tampered';
  audience?: string;
  recipient?: string;
  /** NotOnOrAfter relative to now (default five minutes ahead). */
  notOnOrAfterMs?: number;
  assertionId?: string;
  inResponseTo?: string;
}

export interface SamlIdp {
  entityId: string;
  ssoUrl: string;
  certificate: string;
  user: SamlUser;
  fault: SamlFault;
  /** Goes to the IdP with our redirect; returns the form it posts back (action and SAMLResponse). */
  answer(redirect: string): Promise<{ action: string; samlResponse: string }>;
  close(): Promise<void>;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function startSamlIdp(): Promise<SamlIdp> {
  const attrs = [{ name: 'commonName', value: 'idp.tohoku.test' }];
  const pems = await generate(attrs, { keySize: 2048, algorithm: 'sha256' });
  const other = await generate(attrs, { keySize: 2048, algorithm: 'sha256' });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const idp: SamlIdp = {
    entityId: `${base}/idp`,
    ssoUrl: `${base}/sso`,
    certificate: pems.cert,
    user: { nameId: 'nobody', attributes: {} },
    fault: {},
    async answer(redirect) {
      const html = await (await fetch(redirect)).text();
      const action = /action="([^"]+)"/.exec(html)?.[1];
      const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(html)?.[1];
      if (!action || !samlResponse) throw new Error(`the IdP did not answer with a form: ${html}`);
      return { action: action.replace(/&amp;/g, '&'), samlResponse };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function respond(request: string): { acs: string; xml: string } {
    const requestId = /\sID="([^"]+)"/.exec(request)?.[1] ?? '';
    const acs = /AssertionConsumerServiceURL="([^"]+)"/.exec(request)?.[1] ?? '';
    const spEntityId = /<(?:saml:)?Issuer[^>]*>([^<]+)</.exec(request)?.[1] ?? '';
    const f = idp.fault;
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const notOnOrAfter = at(f.notOnOrAfterMs ?? 5 * 60_000);
    const inResponseTo = f.inResponseTo ?? requestId;
    const assertionId = f.assertionId ?? `_a${randomUUID()}`;
    const attributes = Object.entries(idp.user.attributes)
      .map(
        ([name, value]) =>
          `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${esc(value)}</saml:AttributeValue></saml:Attribute>`,
      )
      .join('');
    const assertion =
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${at(0)}">` +
      `<saml:Issuer>${esc(idp.entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${esc(idp.user.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${esc(inResponseTo)}" NotOnOrAfter="${notOnOrAfter}" Recipient="${esc(f.recipient ?? acs)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${at(-60_000)}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${esc(f.audience ?? spEntityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${at(0)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
      `</saml:Assertion>`;
    const response =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${at(0)}" Destination="${esc(acs)}" InResponseTo="${esc(inResponseTo)}">` +
      `<saml:Issuer>${esc(idp.entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      assertion +
      `</samlp:Response>`;
    const sign = f.sign ?? 'assertion';
    if (sign === 'none') return { acs, xml: response };
    const keys = sign === 'other-key' ? other : pems;
    const signer = new SignedXml({
      privateKey: keys.private,
      publicCert: keys.cert,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    signer.addReference({
      xpath: "//*[local-name(.)='Assertion']",
      transforms: [
        'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
        'http://www.w3.org/2001/10/xml-exc-c14n#',
      ],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    signer.computeSignature(response, {
      location: {
        reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
        action: 'after',
      },
    });
    let xml = signer.getSignedXml();
    // Changed after signing: the NameID is someone else's.
    if (sign === 'tampered') xml = xml.replace(/(<saml:NameID[^>]*>)[^<]*/, '$1someone-else');
    return { acs, xml };
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const encoded = url.searchParams.get('SAMLRequest');
    if (url.pathname !== '/sso' || !encoded) {
      res.writeHead(404).end();
      return;
    }
    const request = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
    const { acs, xml } = respond(request);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><form method="post" action="${esc(acs)}"><input type="hidden" name="SAMLResponse" value="${Buffer.from(xml).toString('base64')}"/></form>`,
    );
  });
  return idp;
}
