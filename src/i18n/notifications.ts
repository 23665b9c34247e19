/**
 * Notifications are stored as `{ type, params }` and written for each reader in their language:
 * in the web app from its translation files, in e-mails by the mailer. Both render through
 * `renderNotification`, so a notification reads the same in the app and in the mail.
 */
import type { TFunction } from 'i18next';
import { MOBILITY_STATES } from '#src/domain/mobility/mobility-workflow.ts';
import type { MessageParams } from '#src/domain/shared/refusal.ts';

/** Every notification the product sends; each has a title and a body in all four languages. */
export const NOTIFICATION_TYPES = [
  'application.submitted',
  'application.submitted_home',
  'application.withdrawn',
  'application.withdrawn_home',
  'application.scored',
  'application.scored_home',
  'allocation.nominated',
  'advisory.suspended',
  'advisory.postponed',
  'advisory.lifted',
  'advisory.overridden',
  ...MOBILITY_STATES.map((s) => `mobility.${s}` as const),
  'la.proposed',
  'la.signed',
  'la.approved',
  'la.rejected',
  'recognition.decided',
  'jukebox.enrolled',
  'jukebox.result',
  'jukebox.recognition',
  'event.moved_up',
  'event.approved',
  'event.refused',
  'event.invited',
  'report.reminder',
  'report.submitted',
  'report.received',
  'report.reopened',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/**
 * The contexts a type's texts vary by (i18next `context`): `params.context` picks e.g. `body_full`
 * over `body`. Listed so that a test can require every variant in every language.
 */
export const NOTIFICATION_CONTEXTS: Partial<Record<NotificationType, readonly string[]>> = {
  'advisory.suspended': ['until'],
  'advisory.postponed': ['until'],
  'la.proposed': ['student', 'home', 'host'],
  'la.signed': ['student', 'home', 'host'],
  'la.approved': ['student', 'home', 'host'],
  'la.rejected': ['student', 'home', 'host'],
  'recognition.decided': ['full', 'partial', 'none'],
  'jukebox.result': ['passed', 'failed', 'in-progress', 'not-taken'],
  'jukebox.recognition': ['full', 'partial', 'none'],
  'event.approved': ['confirmed', 'waiting'],
};

export interface RenderedNotification {
  title: string;
  /** paragraphs of the body */
  body: string[];
}

/** A notification in the language `t` speaks; `reason`, `grade` and `date` add a line each. */
export function renderNotification(
  t: TFunction,
  type: string,
  params: MessageParams,
): RenderedNotification {
  const options: Record<string, unknown> = { ...params };
  if (typeof params.context === 'string') options.context = params.context;
  if (!isNotificationType(type)) {
    return { title: t('notifications.unknown.title'), body: [] };
  }
  const key = `notifications.${type}`;
  const body = [t(`${key}.body`, options)];
  if (typeof params.reason === 'string' && params.reason) {
    body.push(t('notifications.common.reason', { reason: params.reason }));
  }
  if (typeof params.grade === 'string' && params.grade) {
    body.push(t('notifications.common.grade', { grade: params.grade }));
  }
  if (typeof params.date === 'string' && params.date) {
    body.push(t('notifications.common.date', { date: params.date }));
  }
  return { title: t(`${key}.title`, options), body };
}
