import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/format.ts';
import type { LocalizedText } from '../../../domain/shared/refusal.ts';

/** "Exchange coordinator — Tohoku University": a role and the name of its scope. */
export function useRoleLabel(): (role: string, scopeName: LocalizedText | null) => string {
  const { t, i18n } = useTranslation();
  return (role, scopeName) => {
    const name = scopeName ? nameIn(scopeName, i18n.language) : '';
    return name ? t('people.roleIn', { role: t(`role.${role}`), scope: name }) : t(`role.${role}`);
  };
}

/** A person's name in the reader's script. */
export function usePersonName(): (name: LocalizedText | null) => string {
  const { i18n } = useTranslation();
  return (name) => (name ? nameIn(name, i18n.language) : '');
}
