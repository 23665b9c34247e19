import type { Feature } from '../feature.ts';

/** The allocation area of the web app (pages live in this folder; strings in locales/features/allocation.*.json). */
export const allocationFeature: Feature = { routes: [] };
