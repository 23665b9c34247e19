import { allocationFeature } from './allocation/feature.tsx';
import { callsFeature } from './calls/feature.tsx';
import { mobilityFeature } from './mobility/feature.tsx';
import { moneyFeature } from './money/feature.tsx';
import type { Feature } from './feature.ts';

export const FEATURES: Feature[] = [callsFeature, allocationFeature, mobilityFeature, moneyFeature];
