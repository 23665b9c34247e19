/**
 * The registry's writes, by use case: institutions (institutions.ts), memberships of consortia and
 * associations (memberships.ts), and tabular imports and exports (imports.ts).
 */
export {
  addOrgUnit,
  createInstitution,
  institutionDetail,
  listOrgUnits,
  mayCreateInstitutions,
  mayOnInstitution,
  updateInstitution,
} from './institutions.ts';
export {
  answerProposal,
  consortiumDetail,
  endMembership,
  mayOnConsortium,
  proposeMember,
} from './memberships.ts';
export {
  exportInstitutions,
  exportMembers,
  importInstitutions,
  INSTITUTION_COLUMNS,
  MEMBER_COLUMNS,
  type ImportReport,
} from './imports.ts';
