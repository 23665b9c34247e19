/**
 * Single sign-on (decision 007): the identity providers an institution signs in with (OIDC or
 * SAML 2.0), the identities linked to accounts, the sign-ins under way and the SAML assertion ids
 * already used.
 */
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { institutions } from './registry.ts';
import { users } from './accounts.ts';

/** Which attribute (SAML) or claim (OIDC) holds each thing we read about the person. */
export interface SsoAttributeMapping {
  email?: string;
  givenName?: string;
  familyName?: string;
  affiliation?: string;
}

export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** oidc | saml */
    kind: text('kind').notNull(),
    displayName: text('display_name').notNull(),
    oidcIssuer: text('oidc_issuer'),
    oidcClientId: text('oidc_client_id'),
    oidcClientSecret: text('oidc_client_secret'),
    samlEntityId: text('saml_entity_id'),
    samlSsoUrl: text('saml_sso_url'),
    /** The IdP's signing certificate (PEM); every assertion must be signed with its key. */
    samlCertificate: text('saml_certificate'),
    attributeMapping: jsonb('attribute_mapping').$type<SsoAttributeMapping>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('identity_providers_institution_idx').on(t.institutionId)],
);

export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    /** The OIDC `sub` or the SAML NameID. */
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('user_identities_subject_key').on(t.providerId, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/** A sign-in sent to an IdP and not yet answered: the OIDC state or the SAML request id. */
export const ssoRequests = pgTable(
  'sso_requests',
  {
    id: text('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    pkceVerifier: text('pkce_verifier'),
    nonce: text('nonce'),
    /** Set when a signed-in person links the identity to their account instead of signing in. */
    linkUserId: uuid('link_user_id').references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_requests_expires_idx').on(t.expiresAt)],
);

/** SAML assertion ids already accepted, kept until they expire, so that none is used twice. */
export const ssoSeenAssertions = pgTable(
  'sso_seen_assertions',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    assertionId: text('assertion_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.assertionId] })],
);
