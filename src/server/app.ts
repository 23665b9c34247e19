import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '#src/services/clock.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '#src/db/client.ts';
import { invalidInput } from '#src/services/errors.ts';
import { LIMITS } from '#src/services/limits.ts';
import { installErrorHandling } from './errors.ts';
import { installSessions } from './session.ts';
import { loadSpaPage, serveWebFiles } from './web.ts';
import { authRoutes } from './routes/auth.ts';
import { registryRoutes } from './routes/registry.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { registryWriteRoutes } from './routes/registry-write.ts';
import { programRoutes } from './routes/programs.ts';
import { callsRoutes } from './routes/calls.ts';
import { allocationRunsRoutes } from './routes/allocation-runs.ts';
import { moneyRoutes } from './routes/money.ts';
import { mobilityRoutes } from './routes/mobility.ts';
import { mobilityImportRoutes } from './routes/mobility-imports.ts';
import { meRoutes } from './routes/me.ts';
import { erasureRoutes } from './routes/erasure.ts';
import { auditRoutes } from './routes/audit.ts';
import { peopleRoutes } from './routes/people.ts';
import { ssoRoutes, type SsoOptions } from './routes/sso.ts';
import { signUpRoutes } from './routes/sign-up.ts';
import { alumniRoutes } from './routes/alumni.ts';
import { eventRoutes } from './routes/events.ts';
import { researchRoutes } from './routes/research.ts';
import { ewpRoutes } from './routes/ewp.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { partnershipRoutes } from './routes/partnership.ts';
import { partnershipProfileRoutes } from './routes/partnership-profile.ts';
import { reportRoutes } from './routes/reports.ts';
import { ewpApiRoutes } from './routes/ewp-api.ts';
import type { EwpHostConfig } from '#src/services/ewp-host/config.ts';
import { exportedDocuments, type EwpDocuments } from '#src/services/ewp-host/documents.ts';
import type { Mailer } from '#src/services/notify/mailer.ts';
import { createJobQueue, type PgBossOptions, type Schedule } from '#src/services/tasks/queue.ts';
import { allocationJob, ALLOCATION_JOB } from '#src/services/allocation/runs.ts';
import { sendReportReminders } from '#src/services/reports/implementation.ts';
import { sendNotification, type Notification } from '#src/services/notify/mailer.ts';
import { postgresRateLimitStore } from './rate-limit-store.ts';
import { TaskPool, type TaskPoolOptions } from '#src/services/tasks/pool.ts';

export const VERSION = '0.1.0';

export interface AppOptions {
  database: Database;
  /** Pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** The built web app (dist/web); served with a single-page fallback when present. */
  webDir?: string;
  signInPerMinute?: number;
  /** Password-reset requests per client address and hour (default 30: a campus shares one address). */
  passwordResetPerHour?: number;
  /** E-mail for notifications; null or absent = in-app only. */
  mailer?: Mailer | null;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). Absent: none,
   * so a client cannot choose the address that rate limits count.
   */
  trustProxy?: string[];
  /**
   * How long (ms) the server may reuse a session it resolved (its user and roles) before reading
   * it again; 0 or absent: read on every request. A change made by another process is seen
   * after this time at most (see services/auth/session-cache.ts).
   */
  sessionCacheMs?: number;
  /** What "now" is for every request; the machine's clock when absent. */
  clock?: Clock;
  /**
   * Where people reach the web app (`https://kakehashi.example.ac.jp`), for links in e-mails; the
   * request's own origin when absent.
   */
  publicUrl?: string;
  /** The pool of workers for heavy tasks (default: services/limits.ts); tests lower the limits. */
  tasks?: Partial<TaskPoolOptions>;
  /** Single sign-on: the public origin providers answer to, and whether plain http is allowed. */
  sso?: SsoOptions;
  /**
   * Erasmus Without Paper host: the configuration (absent or null: the /ewp routes answer 404) and
   * where the documents of the get endpoints come from (default: the documents our records make).
   */
  ewp?: { host?: EwpHostConfig | null; documents?: EwpDocuments };
  /**
   * Background jobs. `shared`: through pg-boss on the PostgreSQL server, so that several processes
   * share the work (the CLI asks for it when DATABASE_URL is set); else in this process.
   */
  queue?: { shared?: boolean } & PgBossOptions;
  /** Scheduled work (absent: none): report reminders (R20), at most once per slot. */
  schedules?: { reportReminders?: Schedule };
}

/** The jobs that send e-mail, when the queue is shared. */
const MAIL_JOB = 'mail';
/** The job that sends the reminders of implementation reports (R20). */
const REPORT_REMINDERS_JOB = 'report-reminders';

/** The first field (`body.x`, `query.q`, `params.id`) holding a NUL character, if any. */
function fieldWithNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  // A file sent as bytes is no text: walking it byte by byte would hold the request thread.
  if (ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = fieldWithNul(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = fieldWithNul(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  const db = database.db;
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    // JSON forms are small; routes taking files or instances say their own limit.
    bodyLimit: LIMITS.jsonBodyBytes,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('clock', options.clock ?? systemClock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDir =
    options.webDir && existsSync(join(options.webDir, 'index.html')) ? options.webDir : null;
  installErrorHandling(app, webDir ? await loadSpaPage(webDir) : undefined);
  // No text of the product holds a NUL; PostgreSQL refuses it in text. Said as a 400 naming the field.
  app.addHook('preValidation', async (request) => {
    const field =
      fieldWithNul(request.params, 'params') ??
      fieldWithNul(request.query, 'query') ??
      fieldWithNul(request.body, 'body');
    if (field) {
      throw invalidInput([
        { field, code: 'invalid_string', message: 'must not contain a NUL character' },
      ]);
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(cookie);
  // Several processes on one PostgreSQL server count a client's requests together.
  await app.register(rateLimit, {
    global: false,
    ...(database.engine === 'postgres' ? { store: postgresRateLimitStore(db) } : {}),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kakehashi API',
        version: VERSION,
        description:
          'Inter-university exchange programs: registry, consortia, agreements, calls, allocation, scholarships. Errors are `{ "error": { "code", "message", "details" } }`. Cookie-authenticated writes carry the `x-csrf-token` header.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installSessions(app, db, { cacheMs: options.sessionCacheMs ?? 0 });
  if (webDir) {
    await serveWebFiles(app, webDir);
  }

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({ status: z.literal('ok'), version: z.string(), database: z.string() }),
        },
      },
    },
    async () => {
      await db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, version: VERSION, database: database.engine };
    },
  );

  // Heavy work (allocation runs, workbooks, reports) runs on worker threads, so that requests,
  // /api/health among them, are answered while it computes.
  const tasks = new TaskPool({
    workers: LIMITS.workers,
    perUser: LIMITS.tasksPerUser,
    ...options.tasks,
  });
  // Background jobs, run by whichever process takes them; their state is in the database.
  const clock = options.clock ?? systemClock;
  const jobs = createJobQueue(database, options.queue);
  jobs.handle(ALLOCATION_JOB, allocationJob({ db, clock, tasks }));
  const smtp = options.mailer ?? null;
  let mailer = smtp;
  if (smtp && jobs.engine === 'pg-boss') {
    jobs.handle<Notification>(MAIL_JOB, async (message) => {
      await sendNotification(smtp, message);
      return null;
    });
    mailer = {
      ...smtp,
      enqueue: async (message) =>
        (await jobs.enqueue(MAIL_JOB, message, { ownerId: null }))?.id ?? '',
    };
  }
  jobs.handle(REPORT_REMINDERS_JOB, async () => {
    await sendReportReminders(db, mailer, clock.now());
    return null;
  });
  if (options.schedules?.reportReminders) {
    jobs.schedule(REPORT_REMINDERS_JOB, options.schedules.reportReminders);
  }
  app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => {
    await jobs.stop();
    await tasks.close();
  });

  await app.register(
    async (api) => {
      await api.register(
        authRoutes(db, {
          signInPerMinute: options.signInPerMinute ?? 10,
          ...(options.passwordResetPerHour === undefined
            ? {}
            : { passwordResetPerHour: options.passwordResetPerHour }),
          mailer,
          ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
        }),
      );
      await api.register(registryRoutes(db));
      await api.register(agreementRoutes(db));
      await api.register(registryWriteRoutes(db, tasks));
      await api.register(programRoutes(db, tasks));
      const deps = { db, mailer, tasks, jobs };
      await api.register(callsRoutes(deps));
      await api.register(allocationRunsRoutes(deps));
      await api.register(moneyRoutes(deps));
      await api.register(mobilityRoutes(deps));
      await api.register(mobilityImportRoutes(deps));
      await api.register(eventRoutes(deps));
      await api.register(meRoutes(db));
      await api.register(erasureRoutes(db));
      await api.register(auditRoutes(db));
      await api.register(alumniRoutes(db));
      await api.register(peopleRoutes({ db, mailer, publicUrl: options.publicUrl }));
      await api.register(ssoRoutes(db, { publicUrl: options.publicUrl, ...options.sso }));
      await api.register(
        signUpRoutes({
          db,
          mailer,
          publicUrl: options.publicUrl,
          perMinute: options.signInPerMinute ?? 10,
        }),
      );
      await api.register(researchRoutes(db));
      await api.register(ewpRoutes(db));
      await api.register(partnershipRoutes(deps));
      await api.register(partnershipProfileRoutes(db));
      await api.register(reportRoutes(deps));
      await api.register(dashboardRoutes(db));
    },
    { prefix: '/api/v1' },
  );
  await app.register(
    ewpApiRoutes({
      db,
      host: options.ewp?.host ?? null,
      documents: options.ewp?.documents ?? exportedDocuments,
      clock: options.clock ?? systemClock,
    }),
  );

  return app;
}
