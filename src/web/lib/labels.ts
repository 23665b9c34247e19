import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_STATUSES,
  CONSORTIUM_KINDS,
  INSTITUTION_TYPES,
  ORG_UNIT_KINDS,
  ROLES,
  SCOPE_TYPES,
  STUDY_LEVELS,
} from '../api/contract.ts';

function known(list: readonly string[], value: string): boolean {
  return list.includes(value);
}

/**
 * Labels for the API's enumerations. The keys are built here only, and locales.test.ts checks
 * every member of these lists against the translation files.
 */
export function useLabels() {
  const { t } = useTranslation();
  return {
    typeLabel: (type: string) =>
      known(INSTITUTION_TYPES, type) ? t(`institutionType.${type}`) : type,
    kindLabel: (kind: string) =>
      known(CONSORTIUM_KINDS, kind) ? t(`consortiumKind.${kind}`) : kind,
    roleLabel: (role: string) => (known(ROLES, role) ? t(`role.${role}`) : role),
    scopeLabel: (scope: string) => (known(SCOPE_TYPES, scope) ? t(`scopeType.${scope}`) : scope),
    statusLabel: (status: string) =>
      known(AGREEMENT_STATUSES, status) ? t(`agreementStatus.${status}`) : status,
    levelLabel: (level: string) => (known(STUDY_LEVELS, level) ? t(`studyLevel.${level}`) : level),
    unitKindLabel: (kind: string) =>
      known(ORG_UNIT_KINDS, kind) ? t(`orgUnitKind.${kind}`) : kind,
  };
}
