/**
 * Refusals of the calls area (eligibility R3, R9, R12, R18, ranking, screening R6, R16,
 * documents) are shown by the one RefusalList from `details.refusals` and the views' refusal
 * lists; this module adds the formats their translations use for the codes they carry:
 * `{{level, callsParam}}` (levels and enrolment statuses), `{{status, callsResidence}}`,
 * `{{countries, callsCountries}}`, `{{required, callsCefrAny}}`, `{{declared, callsCefr}}`,
 * `{{extensions, callsOr}}`.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { countryName, languageName, localeOf } from '../../../i18n/format.ts';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import type { Refusal } from '../../lib/api-types.ts';
import { useRefusalTexts } from '../../lib/messages.ts';

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : value === null || value === undefined
      ? []
      : [String(value)];

function joined(
  values: string[],
  language: string | undefined,
  type: 'conjunction' | 'disjunction',
) {
  if (values.length === 0) return '—';
  return new Intl.ListFormat(localeOf(language), { style: 'long', type }).format(values);
}

/** `en B2` → `English B2` in the reader's language. */
const cefr = (skill: string, language: string | undefined) => {
  const [code = '', level = ''] = skill.split(' ');
  return `${languageName(code, language)} ${level}`.trim();
};

const registered = new WeakSet<i18n>();

/** Registers the calls area's formats on an i18next instance (once). */
export function addCallsFormatters(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter || registered.has(instance)) return;
  registered.add(instance);
  const label = (prefix: string) => (value: unknown, lng: string | undefined) =>
    joined(
      asList(value).map((v) => instance.t(`${prefix}.${v}`, { lng, defaultValue: v })),
      lng,
      'conjunction',
    );
  formatter.add('callsParam', label('calls.params'));
  formatter.add('callsResidence', label('calls.profile.residence'));
  formatter.add('callsCountries', (value, lng) =>
    joined(
      asList(value).map((c) => countryName(c, lng)),
      lng,
      'disjunction',
    ),
  );
  formatter.add('callsCefrAny', (value, lng) =>
    joined(
      asList(value).map((s) => cefr(s, lng)),
      lng,
      'disjunction',
    ),
  );
  formatter.add('callsCefr', (value, lng) =>
    joined(
      asList(value).map((s) => cefr(s, lng)),
      lng,
      'conjunction',
    ),
  );
  formatter.add('callsOr', (value, lng) => joined(asList(value), lng, 'disjunction'));
}

/** The calls pages call this before they render refusals. */
export function useCallsFormats(): void {
  addCallsFormatters(i18next);
}

/** Refusals under a title, as an alert (why an action is not offered, why hosts are closed). */
export function RefusalNotice({
  title,
  refusals,
  testId,
}: {
  title: string;
  refusals: readonly Pick<Refusal, 'rule' | 'code' | 'params'>[];
  testId?: string;
}) {
  useCallsFormats();
  const ready = useRefusalTexts();
  if (refusals.length === 0 || !ready) return null;
  return (
    <div className="alert" role="status" data-testid={testId}>
      <p className="alert-title">{title}</p>
      <RefusalList refusals={refusals} />
    </div>
  );
}

/** Translation keys of the grade scales the common screening converts (R6), by scale id. */
const SCALE_KEYS: Record<string, string> = {
  'jp-gpa-4': 'jpGpa4',
  'gpa-4.3': 'gpa43',
  'ru-5': 'ru5',
  'fr-20': 'fr20',
};

/** A grade scale's name in the reader's language (its stored label when the app has none). */
export function scaleName(t: TFunction, id: string, label = id) {
  const key = SCALE_KEYS[id];
  return key ? t(`calls.profile.scales.${key}`) : label;
}
