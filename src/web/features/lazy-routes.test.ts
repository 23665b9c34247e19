/**
 * Every page of every feature is loaded on its first visit, so the first page a reader opens does
 * not download the other pages (nor the chart library some of them use).
 */
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { FEATURES } from './index.ts';

function routesOf(routes: RouteObject[]): RouteObject[] {
  return routes.flatMap((route) => [route, ...routesOf(route.children ?? [])]);
}

const routes = routesOf(FEATURES.flatMap((feature) => feature.routes));

describe('feature routes', () => {
  it('has the pages of every feature', () => {
    expect(routes.length).toBeGreaterThan(FEATURES.length);
  });

  it('loads every page lazily, none bundled with the shell', () => {
    const eager = routes
      .filter((route) => route.element !== undefined || route.Component !== undefined)
      .map((route) => route.path ?? '(index)');
    expect(eager).toEqual([]);
    const withoutPage = routes
      .filter((route) => route.lazy === undefined && route.children === undefined)
      .map((route) => route.path ?? '(index)');
    expect(withoutPage).toEqual([]);
  });

  it('resolves each lazy page to the component its module exports', async () => {
    const missing: string[] = [];
    for (const route of routes) {
      if (typeof route.lazy !== 'function') continue;
      const loaded = (await route.lazy()) as Partial<RouteObject>;
      if (typeof loaded.Component !== 'function') missing.push(route.path ?? '(index)');
    }
    expect(missing).toEqual([]);
  }, 60_000);
});
