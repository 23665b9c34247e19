/**
 * Choosing a call by its title instead of typing its identifier: the calls the signed-in person
 * may hand to allocation, soonest deadline first.
 */
import { useTranslation } from 'react-i18next';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listAllocatableCalls } from './api.ts';
import { useCallTitle } from './catalogue-page.tsx';

export interface CallPickerProps {
  /** The select's id (its `<label htmlFor>`). */
  id: string;
  value: string;
  onChange: (callId: string) => void;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

export function CallPicker({
  id,
  value,
  onChange,
  disabled,
  describedBy,
  invalid,
}: CallPickerProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const title = useCallTitle();
  const calls = useResource('calls|allocatable', (signal) => listAllocatableCalls(signal));
  return (
    <ResourceView
      resource={calls}
      isEmpty={(data) => data.items.length === 0}
      empty={
        <p className="help" data-testid="call-picker-empty">
          {t('calls.picker.none')}
        </p>
      }
    >
      {(data) => (
        <select
          id={id}
          name="callId"
          data-testid="call-picker"
          value={value}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('calls.picker.choose')}</option>
          {data.items.map((call) => (
            <option key={call.id} value={call.id}>
              {title(call.title, call.id)} ({t('calls.picker.closes')}{' '}
              {formatDate(call.closes, language)})
            </option>
          ))}
        </select>
      )}
    </ResourceView>
  );
}
