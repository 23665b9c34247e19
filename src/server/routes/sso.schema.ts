import { z } from 'zod';

/** Which attribute (SAML) or claim (OIDC) holds each thing read about the person. */
export const AttributeMapping = z
  .object({
    email: z.string().trim().min(1).max(300).optional(),
    givenName: z.string().trim().min(1).max(300).optional(),
    familyName: z.string().trim().min(1).max(300).optional(),
    affiliation: z.string().trim().min(1).max(300).optional(),
  })
  .describe('attribute or claim names; absent ones take the eduPerson / OIDC defaults');

const url = z.url({ protocol: /^https?$/ }).max(2000);

export const ProviderBody = z
  .object({
    institutionId: z.string().trim().min(1).max(200),
    kind: z.enum(['oidc', 'saml']),
    displayName: z.string().trim().min(1).max(200),
    oidcIssuer: url.nullish(),
    oidcClientId: z.string().trim().min(1).max(500).nullish(),
    oidcClientSecret: z
      .string()
      .min(1)
      .max(2000)
      .nullish()
      .describe('write-only; absent on update keeps the stored one'),
    samlEntityId: z.string().trim().min(1).max(2000).nullish(),
    samlSsoUrl: url.nullish(),
    samlCertificate: z
      .string()
      .trim()
      .max(20_000)
      .regex(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/, 'a PEM certificate')
      .nullish(),
    attributeMapping: AttributeMapping.optional(),
    enabled: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    const need =
      p.kind === 'oidc'
        ? (['oidcIssuer', 'oidcClientId'] as const)
        : (['samlEntityId', 'samlSsoUrl', 'samlCertificate'] as const);
    for (const key of need) {
      if (!p[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required for ${p.kind}` });
    }
  });
export type ProviderBody = z.infer<typeof ProviderBody>;

export const ProviderView = z.object({
  id: z.uuid(),
  institutionId: z.string(),
  institutionName: z.string(),
  kind: z.enum(['oidc', 'saml']),
  displayName: z.string(),
  oidcIssuer: z.string().nullable(),
  oidcClientId: z.string().nullable(),
  hasClientSecret: z.boolean(),
  samlEntityId: z.string().nullable(),
  samlSsoUrl: z.string().nullable(),
  samlCertificate: z.string().nullable(),
  attributeMapping: AttributeMapping,
  enabled: z.boolean(),
});
export type ProviderView = z.infer<typeof ProviderView>;

/** What the sign-in page lists: names only. */
export const PublicProvider = z.object({
  id: z.uuid(),
  displayName: z.string(),
  institutionName: z.string(),
});
export type PublicProvider = z.infer<typeof PublicProvider>;

export const LinkStarted = z.object({
  url: z.string().describe('the provider’s sign-in page; the browser goes there'),
});
export type LinkStarted = z.infer<typeof LinkStarted>;
