/** The call form's draft: what the fields hold, from a call and back to the content the API takes. */
import type { CallContent, CallDetail } from './api.ts';
import i18next from 'i18next';
import { DEFAULT_GRADE_SCALES } from '../../../domain/screening/grade-scales.ts';
import {
  TEXT_LANGUAGES as LANGS,
  emptyLocalized as emptyNames,
  type TextLanguage as Lang,
} from '../../components/ui/localized-text-fields.tsx';

export { emptyNames };
export const LEVELS = ['bachelor', 'master', 'doctor', 'non_degree'] as const;
export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export type HostDraft = {
  institutionId: string;
  consortiumId: string;
  places: Record<(typeof LEVELS)[number], string>;
  languages: { language: string; minLevel: string }[];
};
export type CriterionDraft = {
  id: string;
  label: Record<Lang, string>;
  weight: string;
  source: 'reviewer' | 'grade';
};
export type Draft = {
  id: string;
  programId: string;
  agreementId: string;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  sending: string[];
  hosts: HostDraft[];
  opens: string;
  closes: string;
  nominationDeadline: string;
  departureFrom: string;
  departureTo: string;
  stayMonthsMin: string;
  stayMonthsMax: string;
  maxRankedHosts: string;
  documents: { kind: string; required: boolean }[];
  status: CallContent['status'];
  useRubric: boolean;
  rubricId: string;
  scoreMin: string;
  scoreMax: string;
  minReviewers: string;
  passMark: string;
  criteria: CriterionDraft[];
  /** The stored rubric's parts the form does not edit (grade anchors, panel). */
  rubricRest: Record<string, unknown> | null;
};

export const emptyHost = (): HostDraft => ({
  institutionId: '',
  consortiumId: '',
  places: { bachelor: '0', master: '0', doctor: '0', non_degree: '0' },
  languages: [],
});

/** A usual criterion's label in the four languages, from the translation files. */
function defaultLabel(criterion: 'motivation' | 'grade'): Record<Lang, string> {
  return Object.fromEntries(
    LANGS.map((l) => [l, i18next.getFixedT(l)(`calls.criteria.${criterion}`)]),
  ) as Record<Lang, string>;
}

export function emptyDraft(): Draft {
  return {
    id: '',
    programId: '',
    agreementId: '',
    title: emptyNames(),
    description: emptyNames(),
    sending: [],
    hosts: [emptyHost()],
    opens: '',
    closes: '',
    nominationDeadline: '',
    departureFrom: '',
    departureTo: '',
    stayMonthsMin: '',
    stayMonthsMax: '',
    maxRankedHosts: '3',
    documents: [{ kind: 'transcript', required: true }],
    status: 'published',
    useRubric: false,
    rubricId: '',
    scoreMin: '0',
    scoreMax: '10',
    minReviewers: '2',
    passMark: '',
    criteria: [
      { id: 'motivation', label: defaultLabel('motivation'), weight: '2', source: 'reviewer' },
      { id: 'grade', label: defaultLabel('grade'), weight: '1', source: 'grade' },
    ],
    rubricRest: null,
  };
}

export function draftOf(call: CallDetail): Draft {
  const names = (n: CallDetail['title']) => ({ ...emptyNames(), ...n });
  const stored = call.storedRubric as
    | (Record<string, unknown> & {
        id?: string;
        scoreScale?: { min: number; max: number };
        minReviewers?: number;
        passMark?: number | null;
        criteria?: {
          id: string;
          label: string | Partial<Record<Lang, string>>;
          weight: number;
          source: 'reviewer' | 'grade';
        }[];
      })
    | null;
  const base = emptyDraft();
  return {
    ...base,
    id: call.id,
    programId: call.programId ?? '',
    agreementId: call.agreementId ?? '',
    title: names(call.title),
    description: names(call.description),
    sending: call.sendingConsortiumIds,
    hosts: call.hosts.map((h) => ({
      institutionId: h.institutionId,
      consortiumId: h.consortiumId ?? '',
      places: {
        ...base.hosts[0]!.places,
        ...Object.fromEntries(h.places.map((p) => [p.level, String(p.count)])),
      },
      languages: h.languageRequirements.map((l) => ({ ...l })),
    })),
    opens: call.opens,
    closes: call.closes,
    nominationDeadline: call.nominationDeadline ?? '',
    departureFrom: call.departureFrom ?? '',
    departureTo: call.departureTo ?? '',
    stayMonthsMin: call.stayMonthsMin === null ? '' : String(call.stayMonthsMin),
    stayMonthsMax: call.stayMonthsMax === null ? '' : String(call.stayMonthsMax),
    maxRankedHosts: String(call.maxRankedHosts),
    documents: call.documents.map((d) => ({ ...d })),
    status: call.status as CallContent['status'],
    useRubric: stored !== null,
    rubricId: stored?.id ?? '',
    scoreMin: String(stored?.scoreScale?.min ?? 0),
    scoreMax: String(stored?.scoreScale?.max ?? 10),
    minReviewers: String(stored?.minReviewers ?? 2),
    passMark:
      stored?.passMark === null || stored?.passMark === undefined ? '' : String(stored.passMark),
    criteria: stored?.criteria
      ? stored.criteria.map((c) => ({
          ...c,
          label: { ...emptyNames(), ...(typeof c.label === 'string' ? { en: c.label } : c.label) },
          weight: String(c.weight),
        }))
      : base.criteria,
    rubricRest: stored,
  };
}

export const num = (s: string) => (s.trim() === '' ? null : Number(s));
export const orNull = (s: string) => (s.trim() === '' ? null : s);
export const trimmed = (n: Record<Lang, string>) =>
  Object.fromEntries(Object.entries(n).filter(([, v]) => v.trim() !== ''));

export function contentOf(d: Draft): CallContent {
  const consortia = [
    ...new Set([...d.sending, ...d.hosts.map((h) => h.consortiumId).filter((c) => c !== '')]),
  ];
  return {
    programId: d.programId,
    agreementId: orNull(d.agreementId),
    title: trimmed(d.title),
    description: trimmed(d.description),
    sendingConsortiumIds: d.sending,
    hosts: d.hosts.map((h) => ({
      institutionId: h.institutionId,
      consortiumId: orNull(h.consortiumId),
      places: LEVELS.map((level) => ({ level, count: num(h.places[level]) ?? 0 })).filter(
        (p) => p.count !== 0,
      ),
      languageRequirements: h.languages as HostContent['languageRequirements'],
    })),
    opens: d.opens,
    closes: d.closes,
    nominationDeadline: orNull(d.nominationDeadline),
    departureFrom: orNull(d.departureFrom),
    departureTo: orNull(d.departureTo),
    stayMonthsMin: num(d.stayMonthsMin),
    stayMonthsMax: num(d.stayMonthsMax),
    maxRankedHosts: num(d.maxRankedHosts) ?? 0,
    documents: d.documents,
    rubric: d.useRubric
      ? {
          gradeScales: [...DEFAULT_GRADE_SCALES],
          panel: [],
          ...(d.rubricRest ?? {}),
          id: d.rubricId,
          agreementId: d.agreementId,
          consortia: consortia.slice(0, 2) as [string, string],
          scoreScale: { min: num(d.scoreMin) ?? 0, max: num(d.scoreMax) ?? 0 },
          minReviewers: num(d.minReviewers) ?? 0,
          passMark: num(d.passMark),
          criteria: d.criteria.map((c) => ({
            ...c,
            label: Object.fromEntries(
              Object.entries(c.label).filter(([, text]) => text.trim() !== ''),
            ),
            weight: num(c.weight) ?? 0,
          })),
        }
      : null,
    status: d.status,
  };
}

export type HostContent = CallContent['hosts'][number];
