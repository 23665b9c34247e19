import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '#src/db/client.ts';
import { seedDemo } from '#src/db/seed/demo.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { buildApp, type AppOptions } from '#src/server/app.ts';
import { createTestDatabase, type Engine } from './db.ts';

export const DEMO_PASSWORD = 'test-demo-password';
let demoHash: Promise<string> | undefined;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The whole server in-process on a clean database, with the demo world unless `seed: false`. */
export async function createTestApp(
  engine: Engine,
  options: { seed?: boolean } & Partial<AppOptions> = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  if (options.seed !== false) {
    demoHash ??= hashPassword(DEMO_PASSWORD);
    await seedDemo(database.db, await demoHash);
  }
  const app = await buildApp({ database, ...options });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signInAs(app: FastifyInstance, email: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.body}`);
  return { cookie: sessionCookie(res), csrfToken: res.json().csrfToken };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'kakehashi_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
