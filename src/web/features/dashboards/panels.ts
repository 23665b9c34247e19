/**
 * Panels other areas add to a dashboard, above its tables: e.g. the funder's "reports due" (the
 * implementation reports' status against the end of the fiscal year, R20). Each panel receives
 * the dashboard's record and its filters; a feature registers its panel through this folder's
 * index.ts.
 */
import type { ComponentType } from 'react';
import type { DashboardFilter, DashboardKind } from './api.ts';
import { ReportsDuePanel } from '../reports/index.ts';

export type DashboardPanel = ComponentType<{ id: string; filter: DashboardFilter }>;

export const DASHBOARD_PANELS: Record<DashboardKind, DashboardPanel[]> = {
  program: [ReportsDuePanel],
  consortium: [],
  institution: [],
};

/** Adds a panel to every dashboard of a kind (once). */
export function addDashboardPanel(kind: DashboardKind, panel: DashboardPanel): void {
  if (!DASHBOARD_PANELS[kind].includes(panel)) DASHBOARD_PANELS[kind].push(panel);
}
