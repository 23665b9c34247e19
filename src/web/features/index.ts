import { allocationFeature } from './allocation/feature.tsx';
import { callsFeature } from './calls/feature.tsx';
import { inboxFeature } from './inbox/feature.tsx';
import { mobilityFeature } from './mobility/feature.tsx';
import { moneyFeature } from './money/feature.tsx';
import { programsFeature } from './programs/feature.tsx';
import type { Feature } from './feature.ts';

export const FEATURES: Feature[] = [
  programsFeature,
  callsFeature,
  allocationFeature,
  mobilityFeature,
  moneyFeature,
  inboxFeature,
];
