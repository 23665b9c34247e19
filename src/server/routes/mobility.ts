import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.ts';

/** Mobility workflow, learning agreements and recognition (issue 8). */
export const mobilityRoutes =
  (_deps: RouteDeps): FastifyPluginAsyncZod =>
  async () => {};
