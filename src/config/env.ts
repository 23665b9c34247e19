import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** Configuration, parsed once from the environment. Unset values take the documented defaults. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  KAKEHASHI_DATA_DIR: z.string().min(1).default('./data'),
  KAKEHASHI_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SMTP_URL: z.string().optional(),
  /** The address people reach the web app at, for links in e-mails (http://localhost:PORT). */
  KAKEHASHI_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * When report reminders (R20) are looked for, as a cron line in UTC (default: five past every
   * hour). With a PostgreSQL server one process runs each; the embedded database looks hourly.
   */
  KAKEHASHI_REMINDERS_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'must be a cron line of five fields')
    .default('5 * * * *'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For counts. */
  KAKEHASHI_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /**
   * Erasmus Without Paper host (docs/ewp-host.md): the SCHAC code of this deployment's own
   * institution. Unset (the default): the EWP routes answer 404 and the other keys are unused.
   */
  KAKEHASHI_EWP_HEI_ID: optionalText,
  /** PEM file of the RSA private key the EWP responses are signed with. */
  KAKEHASHI_EWP_PRIVATE_KEY_FILE: optionalText,
  /** The registry catalogue (catalogue-v1.xml format) naming the partners' keys and institutions. */
  KAKEHASHI_EWP_CATALOGUE_FILE: optionalText,
  /** The manifest's admin addresses, comma-separated. */
  KAKEHASHI_EWP_ADMIN_EMAILS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  KAKEHASHI_EWP_ADMIN_PROVIDER: z.string().min(1).default('Kakehashi'),
  /** The max-iia-ids and max-omobility-ids of the manifest. */
  KAKEHASHI_EWP_MAX_IDS: z.coerce.number().int().min(1).max(1000).default(20),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `invalid environment: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
