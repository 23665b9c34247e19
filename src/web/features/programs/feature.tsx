import type { Feature } from '../feature.ts';

/** The programs area of the web app (pages live in this folder; strings in locales/features/programs.*.json). */
export const programsFeature: Feature = { routes: [] };
