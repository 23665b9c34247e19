import { useTranslation } from 'react-i18next';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { grantableRoles, grantKey, type GrantableRole } from './api.ts';
import { useRoleLabel } from './role-label.tsx';
import type { ControlProps } from '../../components/ui/field.tsx';

/** A choice among the roles and scopes one may grant, by name; the value is `grantKey`. */
export function GrantSelect({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: string;
  onChange: (value: string, grant: GrantableRole | null) => void;
}) {
  const { t } = useTranslation();
  const label = useRoleLabel();
  const options = useResource('grantable-roles', (signal) => grantableRoles(signal));
  return (
    <ResourceView resource={options}>
      {(data) => (
        <select
          {...control}
          value={value}
          required
          onChange={(event) =>
            onChange(
              event.target.value,
              data.items.find((g) => grantKey(g) === event.target.value) ?? null,
            )
          }
        >
          <option value="">{t('people.chooseRole')}</option>
          {data.items.map((g) => (
            <option key={grantKey(g)} value={grantKey(g)}>
              {label(g.role, g.scopeName)}
            </option>
          ))}
        </select>
      )}
    </ResourceView>
  );
}
