/**
 * Single sign-on (decision 007): OpenID Connect (authorization code with PKCE, state and nonce) and
 * SAML 2.0 (SP-initiated, signed assertions required). Both end in `complete()`, which matches the
 * identity to an account (src/domain/sso/matching.ts) and opens a session the way a password does.
 *
 * Refusals are `SsoRefusal`s with a code of SSO_CODES; they carry no personal data, and neither do
 * the log lines the routes write for them.
 */
import * as oidc from 'openid-client';
import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import type { SsoAttributeMapping } from '#src/db/schema.ts';
import {
  accountOfAddress,
  deleteSsoRequest,
  forgetExpiredAssertions,
  forgetExpiredRequests,
  insertIdentity,
  insertSsoRequest,
  linkedAccount,
  rememberAssertion,
  removeRequestOfProvider,
  requestOfProvider,
  requestProvider,
  takeLiveRequest,
} from '#src/db/queries/sso.ts';
import { SSO_CODES, type SsoCode } from '#src/domain/shared/refusal-codes.ts';
import { matchIdentity, matchLink } from '#src/domain/sso/matching.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { openSession } from '../auth/sessions.ts';
import { enabledProvider, type ProviderRow } from './providers.ts';

/** How long a sign-in sent to a provider may take to come back. */
export const SSO_REQUEST_TTL_MS = 10 * 60_000;
/** The clock difference tolerated on assertion times (NotBefore, NotOnOrAfter). */
export const SAML_CLOCK_SKEW_MS = 60_000;

export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoCode,
    /** What went wrong in the library, without the assertion's contents: for the log. */
    readonly reason: string = code,
  ) {
    super(code);
    this.name = 'SsoRefusal';
  }
}

/** Where the providers answer: derived from the public origin of the server. */
export interface SsoSite {
  origin: string;
  /** Accept providers over plain http (local development and tests only). */
  allowHttp: boolean;
}
export const oidcCallbackUrl = (site: SsoSite) => `${site.origin}/api/v1/sso/oidc/callback`;
export const samlAcsUrl = (site: SsoSite) => `${site.origin}/api/v1/sso/saml/acs`;
export const samlEntityId = (site: SsoSite) => `${site.origin}/api/v1/sso/saml/metadata`;

const OIDC_DEFAULTS: Required<SsoAttributeMapping> = {
  email: 'email',
  givenName: 'given_name',
  familyName: 'family_name',
  affiliation: 'eduperson_scoped_affiliation',
};
/** eduPerson / inetOrgPerson attribute names as GakuNin and eduGAIN release them. */
const SAML_DEFAULTS: Required<SsoAttributeMapping> = {
  email: 'urn:oid:0.9.2342.19200300.100.1.3',
  givenName: 'urn:oid:2.5.4.42',
  familyName: 'urn:oid:2.5.4.4',
  affiliation: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.9',
};

export interface SsoIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

export type SsoOutcome =
  | { kind: 'session'; session: Awaited<ReturnType<typeof openSession>>; providerId: string }
  | { kind: 'linked'; userId: string; providerId: string };

const now = (ctx: ServiceContext) => ctx.clock.now();

// ---------------------------------------------------------------------------------------------
// Start

/** The provider's URL to send the browser to, and the request id that binds the answer to it. */
export async function startSignIn(
  ctx: ServiceContext,
  providerId: string,
  site: SsoSite,
  linkUserId: string | null = null,
): Promise<{ url: string; requestId: string; kind: 'oidc' | 'saml' }> {
  const provider = await enabledProvider(ctx.db, providerId);
  if (!provider) throw new SsoRefusal(SSO_CODES.providerUnavailable);
  const expiresAt = new Date(now(ctx).getTime() + SSO_REQUEST_TTL_MS);
  // Sign-ins never answered are forgotten once they can no longer be.
  await forgetExpiredRequests(ctx.db, now(ctx));
  if (provider.kind === 'oidc') {
    const config = await discover(provider, site);
    const pkceVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await insertSsoRequest(ctx.db, {
      id: state,
      providerId,
      pkceVerifier,
      nonce,
      linkUserId,
      expiresAt,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: oidcCallbackUrl(site),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pkceVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, requestId: state, kind: 'oidc' };
  }
  const cache = new RequestCache(ctx, provider.id, linkUserId);
  const url = await samlOf(provider, site, cache).getAuthorizeUrlAsync('', undefined, {});
  if (!cache.savedId) throw new SsoRefusal(SSO_CODES.failed, 'no request id');
  return { url, requestId: cache.savedId, kind: 'saml' };
}

// ---------------------------------------------------------------------------------------------
// OpenID Connect

async function discover(provider: ProviderRow, site: SsoSite): Promise<oidc.Configuration> {
  try {
    return await oidc.discovery(
      new URL(provider.oidcIssuer ?? ''),
      provider.oidcClientId ?? '',
      provider.oidcClientSecret ?? undefined,
      undefined,
      site.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  } catch (error) {
    throw oidcRefusal(error);
  }
}

/** The library's error as a refusal code: which check failed, never what the token said. */
function oidcRefusal(error: unknown): SsoRefusal {
  if (error instanceof SsoRefusal) return error;
  type Cause = { claim?: unknown; attribute?: unknown; cause?: Cause };
  const e = error as { code?: string; cause?: Cause };
  // openid-client wraps oauth4webapi's error, whose cause names the claim or attribute compared
  // (and holds the token's claims: never logged).
  const named = [e.cause, e.cause?.cause].flatMap((c) => [c?.claim, c?.attribute]);
  const what = named.find((n): n is string => typeof n === 'string') ?? '';
  const reason = `${e.code ?? 'error'} ${what}`.trim();
  if (what === 'nonce') return new SsoRefusal(SSO_CODES.nonceMismatch, reason);
  if (what === 'state') return new SsoRefusal(SSO_CODES.stateMismatch, reason);
  if (what === 'iss' || what === 'issuer') return new SsoRefusal(SSO_CODES.wrongIssuer, reason);
  return new SsoRefusal(SSO_CODES.failed, reason);
}

/** The answer of an OIDC provider at our callback. */
export async function finishOidc(
  ctx: ServiceContext,
  input: { currentUrl: URL; browserState: string | undefined; site: SsoSite },
): Promise<SsoOutcome> {
  const state = input.currentUrl.searchParams.get('state') ?? '';
  // The state must be the one this browser was sent off with (a cookie), and one we issued.
  if (!state || state !== input.browserState) throw new SsoRefusal(SSO_CODES.stateMismatch);
  const request = await takeLiveRequest(ctx.db, state, now(ctx));
  if (!request?.pkceVerifier) throw new SsoRefusal(SSO_CODES.stateMismatch);
  const provider = await enabledProvider(ctx.db, request.providerId);
  if (!provider || provider.kind !== 'oidc') throw new SsoRefusal(SSO_CODES.providerUnavailable);
  const config = await discover(provider, input.site);
  const mapping = { ...OIDC_DEFAULTS, ...provider.attributeMapping };
  let claims: Record<string, unknown>;
  try {
    const callback = new URL(oidcCallbackUrl(input.site));
    callback.search = input.currentUrl.search;
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.pkceVerifier,
      expectedState: state,
      expectedNonce: request.nonce ?? undefined,
      idTokenExpected: true,
    });
    claims = { ...tokens.claims() };
    // Many providers put the address in the userinfo answer only, not in the ID token.
    if (claims[mapping.email] === undefined) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
      claims = { ...info, ...claims };
    }
  } catch (error) {
    throw oidcRefusal(error);
  }
  const email =
    typeof claims[mapping.email] === 'string' ? (claims[mapping.email] as string) : null;
  return complete(ctx, provider, request.linkUserId, {
    subject: String(claims.sub),
    email,
    // Only an address the provider says it verified may find an account.
    emailVerified: claims.email_verified === true,
  });
}

// ---------------------------------------------------------------------------------------------
// SAML 2.0

/** node-saml's store of the requests we issued (InResponseTo), kept in sso_requests. */
class RequestCache implements CacheProvider {
  savedId: string | null = null;
  linkUserId: string | null;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly providerId: string,
    linkUserId: string | null,
  ) {
    this.linkUserId = linkUserId;
  }
  async saveAsync(key: string, value: string) {
    this.savedId = key;
    await insertSsoRequest(this.ctx.db, {
      id: key,
      providerId: this.providerId,
      linkUserId: this.linkUserId,
      expiresAt: new Date(now(this.ctx).getTime() + SSO_REQUEST_TTL_MS),
    });
    return { value, createdAt: now(this.ctx).getTime() };
  }
  async getAsync(key: string) {
    const row = await requestOfProvider(this.ctx.db, key, this.providerId);
    if (!row || row.expiresAt <= now(this.ctx)) return null;
    this.linkUserId = row.linkUserId;
    return new Date(row.expiresAt.getTime() - SSO_REQUEST_TTL_MS).toISOString();
  }
  async removeAsync(key: string | null) {
    if (!key) return null;
    const row = await removeRequestOfProvider(this.ctx.db, key, this.providerId);
    return row ? row.id : null;
  }
}

function samlOf(provider: ProviderRow, site: SsoSite, cache: CacheProvider): SAML {
  return new SAML({
    entryPoint: provider.samlSsoUrl ?? '',
    issuer: samlEntityId(site),
    callbackUrl: samlAcsUrl(site),
    audience: samlEntityId(site),
    idpCert: provider.samlCertificate ?? '',
    idpIssuer: provider.samlEntityId ?? undefined,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SSO_REQUEST_TTL_MS,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    cacheProvider: cache,
    disableRequestedAuthnContext: true,
  });
}

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** An element node (`Node.ELEMENT_NODE`, which Node.js does not define globally). */
const isElement = (node: Node): node is Element => node.nodeType === 1;

/** The child elements of `parent`, in document order (text, comments and the like left out). */
function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < parent.childNodes.length; i++) {
    const node = parent.childNodes.item(i);
    if (node && isElement(node)) out.push(node);
  }
  return out;
}

/** What we read before the signature is checked: only to find our request, never to trust. */
function peek(xml: string): {
  inResponseTo: string | null;
  assertions: number;
  assertionSigned: boolean;
} {
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  const root = doc?.documentElement;
  if (!root || root.namespaceURI !== SAMLP || root.localName !== 'Response') {
    throw new SsoRefusal(SSO_CODES.failed, 'not a SAML response');
  }
  const assertions = childElements(root).filter(
    (n) => n.namespaceURI === SAML_NS && n.localName === 'Assertion',
  );
  const assertionSigned = assertions.some((a) =>
    childElements(a).some((n) => n.namespaceURI === DSIG && n.localName === 'Signature'),
  );
  return {
    inResponseTo: root.getAttribute('InResponseTo') || null,
    assertions: assertions.length,
    assertionSigned,
  };
}

/** node-saml's error as a refusal code (its messages name the check, not the contents). */
function samlRefusal(error: unknown): SsoRefusal {
  if (error instanceof SsoRefusal) return error;
  const message = error instanceof Error ? error.message : String(error);
  const check = message.split(/[.:]/)[0] ?? '';
  const reason = check.slice(0, 120);
  if (/signature/i.test(message)) return new SsoRefusal(SSO_CODES.badSignature, reason);
  if (/InResponseTo/i.test(message)) return new SsoRefusal(SSO_CODES.unknownRequest, reason);
  if (/audience/i.test(message)) return new SsoRefusal(SSO_CODES.wrongAudience, reason);
  if (/expired|not yet valid|subject confirmation/i.test(message)) {
    return new SsoRefusal(SSO_CODES.expired, reason);
  }
  if (/issuer/i.test(message)) return new SsoRefusal(SSO_CODES.wrongIssuer, reason);
  return new SsoRefusal(SSO_CODES.failed, reason);
}

type Assertion = {
  Assertion?: {
    $?: { ID?: string };
    Subject?: {
      SubjectConfirmation?: { SubjectConfirmationData?: { $?: { Recipient?: string } }[] }[];
    }[];
    Conditions?: { $?: { NotOnOrAfter?: string } }[];
  };
};

/** The answer of a SAML IdP, posted to our assertion consumer service. */
export async function finishSaml(
  ctx: ServiceContext,
  input: { samlResponse: string; site: SsoSite },
): Promise<SsoOutcome> {
  const xml = Buffer.from(input.samlResponse, 'base64').toString('utf8');
  const { inResponseTo, assertions, assertionSigned } = peek(xml);
  if (!inResponseTo) throw new SsoRefusal(SSO_CODES.unknownRequest, 'no InResponseTo');
  const requestedOf = await requestProvider(ctx.db, inResponseTo);
  if (!requestedOf) throw new SsoRefusal(SSO_CODES.unknownRequest, 'InResponseTo unknown');
  const provider = await enabledProvider(ctx.db, requestedOf);
  if (!provider || provider.kind !== 'saml') throw new SsoRefusal(SSO_CODES.providerUnavailable);
  if (assertions !== 1 || !assertionSigned) {
    // The request is used up all the same: an answer to it was refused. No assertion at all is
    // the IdP's own refusal (its status says why); one without a signature of its own is unsigned.
    await deleteSsoRequest(ctx.db, inResponseTo);
    throw new SsoRefusal(
      assertions === 1 ? SSO_CODES.unsigned : SSO_CODES.failed,
      assertions === 1 ? 'unsigned assertion' : `${assertions} assertions`,
    );
  }
  const cache = new RequestCache(ctx, provider.id, null);
  let profile: Profile;
  try {
    const result = await samlOf(provider, input.site, cache).validatePostResponseAsync({
      SAMLResponse: input.samlResponse,
    });
    if (!result.profile) throw new SsoRefusal(SSO_CODES.failed, 'no profile');
    profile = result.profile;
  } catch (error) {
    await cache.removeAsync(inResponseTo);
    throw samlRefusal(error);
  }
  // Read from the verified assertion only.
  const assertion = (profile.getAssertion?.() ?? {}) as Assertion;
  const recipients = (assertion.Assertion?.Subject?.[0]?.SubjectConfirmation ?? []).map(
    (c) => c.SubjectConfirmationData?.[0]?.$?.Recipient,
  );
  if (!recipients.includes(samlAcsUrl(input.site))) {
    throw new SsoRefusal(SSO_CODES.wrongAudience, 'Recipient mismatch');
  }
  const assertionId = assertion.Assertion?.$?.ID;
  if (!assertionId) throw new SsoRefusal(SSO_CODES.failed, 'assertion without ID');
  const notOnOrAfter = Date.parse(assertion.Assertion?.Conditions?.[0]?.$?.NotOnOrAfter ?? '');
  const keepUntil = new Date(
    (Number.isFinite(notOnOrAfter) ? notOnOrAfter : now(ctx).getTime() + SSO_REQUEST_TTL_MS) +
      SAML_CLOCK_SKEW_MS,
  );
  await forgetExpiredAssertions(ctx.db, now(ctx));
  const fresh = await rememberAssertion(ctx.db, {
    providerId: provider.id,
    assertionId,
    expiresAt: keepUntil,
  });
  if (!fresh) throw new SsoRefusal(SSO_CODES.replayed);
  const mapping = { ...SAML_DEFAULTS, ...provider.attributeMapping };
  const raw =
    profile[mapping.email] ??
    (profile.attributes as Record<string, unknown> | undefined)?.[mapping.email];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const email = typeof value === 'string' && value.trim() ? value.trim() : null;
  if (!profile.nameID) throw new SsoRefusal(SSO_CODES.failed, 'no NameID');
  return complete(ctx, provider, cache.linkUserId, {
    subject: profile.nameID,
    email,
    // The mapped attribute of an IdP the administrator configured is taken as verified.
    emailVerified: email !== null,
  });
}

// ---------------------------------------------------------------------------------------------
// Matching and the session

async function link(ctx: ServiceContext, providerId: string, subject: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertIdentity(tx, { providerId, subject, userId, linkedAt: now(ctx) });
    if (!inserted) return;
    await audit(
      tx,
      {
        actor: ctx.actor ?? { id: userId, platformAdmin: false, roles: [] },
        requestId: ctx.requestId,
      },
      {
        action: 'sso.link',
        resourceType: 'user',
        resourceId: userId,
        // The provider, never the subject or the address: they are the person's data.
        details: { provider: providerId },
      },
    );
  });
}

async function complete(
  ctx: ServiceContext,
  provider: ProviderRow,
  linkUserId: string | null,
  identity: SsoIdentity,
): Promise<SsoOutcome> {
  const linked = await linkedAccount(ctx.db, provider.id, identity.subject);
  if (linkUserId) {
    const match = matchLink({ linked, userId: linkUserId });
    if (match.kind === 'refused') throw new SsoRefusal(match.code);
    if (match.kind === 'link') await link(ctx, provider.id, identity.subject, linkUserId);
    return { kind: 'linked', userId: linkUserId, providerId: provider.id };
  }
  const byEmail = identity.email ? await accountOfAddress(ctx.db, identity.email) : null;
  const match = matchIdentity({
    linked,
    email: identity.email,
    emailVerified: identity.emailVerified,
    byEmail,
  });
  if (match.kind === 'refused') throw new SsoRefusal(match.code);
  if (match.kind === 'link') await link(ctx, provider.id, identity.subject, match.userId);
  const session = await openSession(ctx.db, match.userId, ctx.requestId, {
    clock: ctx.clock,
    details: { via: 'sso', provider: provider.id },
  });
  return { kind: 'session', session, providerId: provider.id };
}
