import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { SessionMay } from '../api/contract.ts';
import type { Actor } from '../api/types.ts';
import i18next from 'i18next';
import { withParts, type LocalePart } from '../i18n/parts.ts';

/** A header link: `labelKey` is a translation key; `end` links come after every feature's others. */
export interface NavLinkItem {
  to: string;
  labelKey: string;
  end?: boolean;
}

/**
 * A feature area of the web app: its pages and, optionally, its header links. Each page is loaded
 * on its first visit (`lazy: page(() => import('./x-page.tsx'), 'XPage')`), so the first page a
 * reader opens downloads neither the other features' pages nor what only they use (the charts).
 */
export interface Feature {
  routes: RouteObject[];
  /**
   * The translation parts its pages use beyond the core (`i18n/parts.ts`): feature files by name,
   * `refusals`, `notifications`. The router fetches them with the page; a check reads the sources
   * and keeps the list exact.
   */
  locales: LocalePart[];
  /** Header links shown to this actor (null when signed out), given what the server says they may start. */
  nav?: (actor: Actor | null, may: SessionMay) => NavLinkItem[];
}

/**
 * The `lazy` of a route whose page is the component `name` exported by the module `load` imports.
 * The router loads it when the route is first matched, before it leaves the page shown.
 */
export function page<Name extends string>(
  load: () => Promise<{ [N in Name]: ComponentType }>,
  name: Name,
): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: (await load())[name] });
}

/** A feature's routes, each page fetched together with the translation parts the feature names. */
export function withLocales(routes: RouteObject[], parts: readonly LocalePart[]): RouteObject[] {
  return routes.map((route) => {
    const lazy = route.lazy;
    return {
      ...route,
      ...(typeof lazy === 'function' ? { lazy: withParts(i18next, parts, lazy) } : {}),
      ...(route.children ? { children: withLocales(route.children, parts) } : {}),
    } as RouteObject;
  });
}
