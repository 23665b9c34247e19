import type { Feature } from '../feature.ts';

/** The mobility area of the web app (pages live in this folder; strings in locales/features/mobility.*.json). */
export const mobilityFeature: Feature = { routes: [] };
