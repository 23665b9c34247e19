import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.ts';

/** Scholarships, payments and travel (issue 7). */
export const paymentsRoutes =
  (_deps: RouteDeps): FastifyPluginAsyncZod =>
  async () => {};
