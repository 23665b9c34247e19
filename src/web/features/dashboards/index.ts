/** What other features may use of the dashboards: adding a panel (e.g. the funder's reports due). */
export { addDashboardPanel, type DashboardPanel } from './panels.ts';
