/**
 * Everything the server tells a person arrives as codes with params; this is the one place they
 * become sentences, in the reader's language. The server's English `message` is never shown.
 */
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, Refusal } from './api-types.ts';
import { REFUSALS, ensureParts, holdsPart, requestPart } from '../i18n/parts.ts';

/** A refusal `{ rule?, code, params }` as a sentence (without its rule id). */
export function refusalText(t: TFunction, refusal: Pick<Refusal, 'code' | 'params'>): string {
  requestPart(i18next, REFUSALS);
  const key = `refusals.${refusal.code}`;
  // With the params, so that a text kept only in plural forms (`_one`, `_other`) is found.
  return i18next.exists(key, { ...refusal.params })
    ? t(key, { ...refusal.params })
    : t('refusals.unknown');
}

/** One problem of invalid input, in words (the field is shown by the form next to it). */
export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'params'>): string {
  requestPart(i18next, REFUSALS);
  const params = { ...issue.params };
  if (i18next.exists(`refusals.${issue.code}`, params)) return t(`refusals.${issue.code}`, params);
  const key = `validation.${issue.code}`;
  return i18next.exists(key, params) ? t(key, params) : t('validation.custom');
}

/**
 * Whether the refusals' texts are here to show, asking for them if not. A component that shows
 * refusals from data renders them once this is true (it re-renders when they arrive), so a reader
 * never sees a generic sentence that a moment later becomes the right one.
 */
export function useRefusalTexts(): boolean {
  useTranslation();
  requestPart(i18next, REFUSALS);
  return holdsPart(i18next, REFUSALS);
}

/** Settles when the refusals' texts are held (or could not be fetched), for an error about to show. */
export async function refusalTextsReady(): Promise<void> {
  if (holdsPart(i18next, REFUSALS)) return;
  await ensureParts(i18next, [REFUSALS]).catch(() => undefined);
}

export interface ErrorDetails {
  refusals?: Refusal[];
  issues?: FieldIssue[];
  [key: string]: unknown;
}

/** An API error in words: its refusals, else its first invalid field, else its code. */
export function errorText(t: TFunction, code: string, details: ErrorDetails | undefined): string {
  if (details?.refusals && details.refusals.length > 0) {
    return details.refusals.map((r) => refusalText(t, r)).join(' ');
  }
  if (details?.issues && details.issues.length > 0) return issueText(t, details.issues[0]!);
  const key = `errors.${code}`;
  return i18next.exists(key) ? t(key) : t('errors.unknown');
}
