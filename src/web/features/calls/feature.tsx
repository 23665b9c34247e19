import type { Feature } from '../feature.ts';

/** The calls area of the web app (pages live in this folder; strings in locales/features/calls.*.json). */
export const callsFeature: Feature = { routes: [] };
