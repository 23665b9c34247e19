/**
 * What other features may use from the student sign-up: the institution page's section of
 * student e-mail domains, and the link to the record a university keeps of its student.
 */
export { StudentDomainsSection } from './student-domains-section.tsx';
export const studentRecordPath = (userId: string) =>
  `/students/${encodeURIComponent(userId)}/record`;
