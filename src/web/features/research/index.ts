/** What other features use of the research feature. */
export { OrcidSection } from './orcid-section.tsx';
