import type { Feature } from '../feature.ts';

/** The money area of the web app (pages live in this folder; strings in locales/features/money.*.json). */
export const moneyFeature: Feature = { routes: [] };
