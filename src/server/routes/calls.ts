import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.ts';

/** Calls, the student portal, eligibility and common screening (issue 5). */
export const callsRoutes =
  (_deps: RouteDeps): FastifyPluginAsyncZod =>
  async () => {};
