import { accountFeature } from './account/feature.tsx';
import { homeFeature } from './home/feature.tsx';
import { agreementsFeature } from './agreements/feature.tsx';
import { allocationFeature } from './allocation/feature.tsx';
import { alumniFeature } from './alumni/feature.tsx';
import { researchFeature } from './research/feature.tsx';
import { callsFeature } from './calls/feature.tsx';
import { eventsFeature } from './events/feature.tsx';
import { ewpFeature } from './ewp/feature.tsx';
import { inboxFeature } from './inbox/feature.tsx';
import { mobilityFeature } from './mobility/feature.tsx';
import { moneyFeature } from './money/feature.tsx';
import { peopleFeature } from './people/feature.tsx';
import { programsFeature } from './programs/feature.tsx';
import { registryFeature } from './registry/feature.tsx';
import { signUpFeature } from './sign-up/feature.tsx';
import { ssoFeature } from './sso/feature.tsx';
import { workspaceFeature } from './workspace/feature.tsx';
import { partnershipFeature } from './partnership/feature.tsx';
import { reportsFeature } from './reports/feature.tsx';
import { dashboardsFeature } from './dashboards/feature.tsx';
import { withLocales, type Feature } from './feature.ts';

/** Every feature by its folder, in the order of their header links. */
export const FEATURES_BY_FOLDER: Record<string, Feature> = {
  home: homeFeature,
  workspace: workspaceFeature,
  registry: registryFeature,
  agreements: agreementsFeature,
  programs: programsFeature,
  calls: callsFeature,
  events: eventsFeature,
  allocation: allocationFeature,
  mobility: mobilityFeature,
  money: moneyFeature,
  dashboards: dashboardsFeature,
  alumni: alumniFeature,
  inbox: inboxFeature,
  people: peopleFeature,
  sso: ssoFeature,
  'sign-up': signUpFeature,
  account: accountFeature,
  research: researchFeature,
  ewp: ewpFeature,
  partnership: partnershipFeature,
  reports: reportsFeature,
};

/** Every feature, in the order of their header links. */
export const FEATURES: Feature[] = Object.values(FEATURES_BY_FOLDER);

/** Every page, each fetched with the translations its feature names. */
export const FEATURE_ROUTES = FEATURES.flatMap((feature) =>
  withLocales(feature.routes, feature.locales),
);

/** The workspace's tasks, for the header's badges. */
export { TasksProvider, useNavBadges } from './workspace/tasks-context.tsx';
