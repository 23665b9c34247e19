import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.ts';

/** Allocation runs on a call or an uploaded instance (issue 6). */
export const allocationRunsRoutes =
  (_deps: RouteDeps): FastifyPluginAsyncZod =>
  async () => {};
