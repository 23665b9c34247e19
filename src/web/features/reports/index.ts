/** What other features use of the implementation reports. */
export { ReportsDuePanel } from './reports-due-panel.tsx';
