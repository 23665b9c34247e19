import type { RouteObject } from 'react-router';
import type { SessionMay } from '../api/contract.ts';
import type { Actor } from '../api/types.ts';

/** A header link: `labelKey` is a translation key; `end` links come after every feature's others. */
export interface NavLinkItem {
  to: string;
  labelKey: string;
  end?: boolean;
}

/** A feature area of the web app: its pages and, optionally, its header links. */
export interface Feature {
  routes: RouteObject[];
  /** Header links shown to this actor (null when signed out), given what the server says they may start. */
  nav?: (actor: Actor | null, may: SessionMay) => NavLinkItem[];
}
