/** What other features may use from the registry: the pickers' lists of every institution and consortium. */
export { listAllConsortia, listAllInstitutions } from './api.ts';
