import type { RouteObject } from 'react-router';
import type { Actor } from '../api/types.ts';

/** A feature area of the web app: its pages and, optionally, its header links. */
export interface Feature {
  routes: RouteObject[];
  /** Header links shown to this actor (null when signed out); `labelKey` is a translation key. */
  nav?: (actor: Actor | null) => { to: string; labelKey: string }[];
}
