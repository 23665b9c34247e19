/**
 * The build reads the route table from the features' sources to tell the server what each page
 * needs (vite-route-preloads.ts): that reading must give the router's own table, each route with
 * its feature's translation parts.
 */
import { fileURLToPath } from 'node:url';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '../../../vite-route-preloads.ts';
import { FEATURES_BY_FOLDER } from '../features/index.ts';

const webRoot = fileURLToPath(new URL('..', import.meta.url));

/** A feature's pages as the router matches them (every route sits under pathless layouts). */
function patterns(routes: RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const full = route.index ? parent || '/' : `${parent}/${route.path ?? ''}`;
    return [...(route.lazy ? [full] : []), ...patterns(route.children ?? [], full)];
  });
}

describe('the route table read from the sources', () => {
  const read = appRoutes(webRoot);

  it('holds every page of the router, and only those', () => {
    const router = Object.values(FEATURES_BY_FOLDER).flatMap((f) => patterns(f.routes));
    expect(read.map((r) => r.path).sort()).toEqual(router.sort());
  });

  it('gives each page the parts its feature names, and the module in its folder', () => {
    for (const [folder, feature] of Object.entries(FEATURES_BY_FOLDER)) {
      const own = read.filter((r) => r.module.includes(`/features/${folder}/`));
      expect(own.map((r) => r.path).sort(), folder).toEqual(patterns(feature.routes).sort());
      for (const route of own) expect(route.locales, route.path).toEqual(feature.locales);
    }
  });
});
