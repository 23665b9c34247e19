import type {
  AgreementContent,
  CefrLevel,
  Direction,
  PartyKey,
  StudyLevel,
} from '../../api/contract.ts';

// The agreement form edits a draft of strings (what the inputs hold); on submit it becomes the
// API's content. Numbers that are empty or not numbers are sent as null, so that the server's
// 400 names the field and the form shows the message next to it.

export type LanguageDraft = { key: string; language: string; cefr: CefrLevel };
export type QuotaDraft = { key: string; academicYear: string; students: string; months: string };

export type DirectionDraft = {
  enabled: boolean;
  levels: StudyLevel[];
  /** ISCED-F 2013 four-digit codes, separated by commas or spaces. */
  fields: string;
  languages: LanguageDraft[];
  quotas: QuotaDraft[];
};

export type ContentDraft = {
  title: string;
  validFrom: string;
  validTo: string;
  tuitionWaiver: boolean;
  commonScreening: boolean;
  commonRecognition: boolean;
  other: string;
  toleranceStudents: string;
  toleranceMonths: string;
  directions: Record<PartyKey, DirectionDraft>;
};

export const PARTY_KEYS: readonly PartyKey[] = ['A', 'B'];

let lastKey = 0;
/** A key for a list row, stable while the row lives. */
export function rowKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

export function emptyDirection(): DirectionDraft {
  return { enabled: true, levels: [], fields: '', languages: [], quotas: [] };
}

export function emptyDraft(): ContentDraft {
  return {
    title: '',
    validFrom: '',
    validTo: '',
    tuitionWaiver: false,
    commonScreening: false,
    commonRecognition: false,
    other: '',
    toleranceStudents: '',
    toleranceMonths: '',
    directions: { A: emptyDirection(), B: emptyDirection() },
  };
}

function directionDraft(direction: Direction | undefined): DirectionDraft {
  if (!direction) return { ...emptyDirection(), enabled: false };
  return {
    enabled: true,
    levels: [...direction.levels],
    fields: direction.fields.join(', '),
    languages: direction.languages.map((l) => ({ key: rowKey(), ...l })),
    quotas: direction.quotas.map((q) => ({
      key: rowKey(),
      academicYear: String(q.academicYear),
      students: String(q.students),
      months: String(q.months),
    })),
  };
}

export function draftFromContent(content: AgreementContent): ContentDraft {
  const find = (from: PartyKey) => (content.directions ?? []).find((d) => d.from === from);
  return {
    title: content.title ?? '',
    validFrom: content.validFrom ?? '',
    validTo: content.validTo ?? '',
    tuitionWaiver: Boolean(content.clauses?.tuitionWaiver),
    commonScreening: Boolean(content.clauses?.commonScreening),
    commonRecognition: Boolean(content.clauses?.commonRecognition),
    other: content.clauses?.other ?? '',
    toleranceStudents:
      content.balanceTolerance === undefined ? '' : String(content.balanceTolerance.students),
    toleranceMonths:
      content.balanceTolerance === undefined ? '' : String(content.balanceTolerance.months),
    directions: { A: directionDraft(find('A')), B: directionDraft(find('B')) },
  };
}

/** A number from an input: NaN (sent as null) when empty or not a number. */
export function numberFrom(value: string): number {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function splitCodes(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

/** The index each enabled direction will have in the submitted `directions` array. */
export function directionIndexes(draft: ContentDraft): Record<PartyKey, number | null> {
  const result: Record<PartyKey, number | null> = { A: null, B: null };
  let index = 0;
  for (const key of PARTY_KEYS) {
    if (draft.directions[key].enabled) {
      result[key] = index;
      index += 1;
    }
  }
  return result;
}

export function contentFromDraft(draft: ContentDraft): AgreementContent {
  const other = draft.other.trim();
  const content: AgreementContent = {
    title: draft.title.trim(),
    validFrom: draft.validFrom,
    validTo: draft.validTo,
    clauses: {
      tuitionWaiver: draft.tuitionWaiver,
      commonScreening: draft.commonScreening,
      commonRecognition: draft.commonRecognition,
      ...(other ? { other } : {}),
    },
    directions: PARTY_KEYS.filter((key) => draft.directions[key].enabled).map((key) => {
      const direction = draft.directions[key];
      return {
        from: key,
        levels: [...direction.levels],
        fields: splitCodes(direction.fields),
        languages: direction.languages.map(({ language, cefr }) => ({
          language: language.trim().toLowerCase(),
          cefr,
        })),
        quotas: direction.quotas.map((quota) => ({
          academicYear: numberFrom(quota.academicYear),
          students: numberFrom(quota.students),
          months: numberFrom(quota.months),
        })),
      };
    }),
  };
  if (draft.toleranceStudents.trim() !== '' || draft.toleranceMonths.trim() !== '') {
    content.balanceTolerance = {
      students: numberFrom(draft.toleranceStudents),
      months: numberFrom(draft.toleranceMonths),
    };
  }
  return content;
}
