import { useTranslation } from 'react-i18next';
import { CONSORTIUM_KINDS, INSTITUTION_TYPES, ROLES, SCOPE_TYPES } from '../api/types.ts';

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
  };
}
