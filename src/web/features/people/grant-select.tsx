import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field.tsx';
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

/** The role a form is about to grant: the chosen option and what it grants. */
export function useGrantChoice() {
  const [value, setValue] = useState('');
  const [grant, setGrant] = useState<GrantableRole | null>(null);
  return {
    value,
    grant,
    choose: (next: string, chosen: GrantableRole | null) => {
      setValue(next);
      setGrant(chosen);
    },
    reset: () => {
      setValue('');
      setGrant(null);
    },
  };
}

/** The labelled field choosing the role and scope to grant. */
export function GrantField({
  id,
  choice,
}: {
  id: string;
  choice: ReturnType<typeof useGrantChoice>;
}) {
  const { t } = useTranslation();
  return (
    <Field id={`${id}-role`} label={t('people.role')}>
      {(control) => <GrantSelect control={control} value={choice.value} onChange={choice.choose} />}
    </Field>
  );
}
