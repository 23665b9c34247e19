import { z } from 'zod';
import {
  languageSchema,
  localizedTextSchema,
  messageParamsSchema,
} from '#src/domain/shared/refusal.ts';
import { TASK_KINDS } from '#src/domain/workspace/tasks.ts';
import { NOTIFICATION_TYPES } from '#src/i18n/notifications.ts';
import { personNamesSchema } from '#src/domain/shared/names.ts';
import { MIN_PASSWORD_LENGTH } from '#src/domain/access/passwords.ts';

/** A notification as stored: its type and params; the reader's app writes the sentence. */
export const NotificationView = z.object({
  id: z.uuid(),
  type: z.enum(NOTIFICATION_TYPES).or(z.string()).describe('one of the notification types'),
  params: messageParamsSchema,
  data: z
    .record(z.string(), z.union([z.string(), z.number(), z.null()]))
    .describe('ids of the records the notification is about, for links'),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationList = z.object({
  unread: z.number().int(),
  items: z.array(NotificationView),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationsQuery = z.object({ unread: z.stringbool().optional() });
export const MarkReadResult = z.object({ id: z.uuid(), read: z.boolean() });

export const LanguageBody = z.object({ language: languageSchema });
export type LanguageBody = z.infer<typeof LanguageBody>;

export const SignedOutEverywhere = z.object({
  sessions: z.number().int().describe('how many sessions were ended'),
});
export type SignedOutEverywhere = z.infer<typeof SignedOutEverywhere>;

export const SessionSummaryView = z.object({
  id: z.string().describe('the session as its owner sees it (not its key)'),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime(),
  userAgent: z.string().nullable().describe('the browser that opened it, as it said'),
  current: z.boolean().describe('the session of this request'),
});
export type SessionSummaryView = z.infer<typeof SessionSummaryView>;
export const SessionList = z.object({ items: z.array(SessionSummaryView) });
export type SessionList = z.infer<typeof SessionList>;
export const SessionEnded = z.object({ ended: z.literal(true) });

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  // The length is checked here, before the current password is verified (the costly part).
  newPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH)
    .max(1024)
    .describe('rules: 12–128 characters, not a common one'),
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;
export const PasswordChanged = z.object({
  sessionsEnded: z.number().int().describe('other sessions that were ended'),
});
export type PasswordChanged = z.infer<typeof PasswordChanged>;

export const NamesView = z.object({
  displayName: z.string().trim().min(1).max(200),
  names: personNamesSchema,
});
export type NamesView = z.infer<typeof NamesView>;

/** The export of one's personal data: open-ended records, typed loosely on purpose. */
export const MyDataView = z
  .object({ format: z.string(), exportedAt: z.iso.datetime() })
  .catchall(z.unknown());

/** One record a workspace task concerns: its name (never an id) and the page where it is done. */
export const WorkspaceTaskItemView = z.object({
  name: localizedTextSchema,
  link: z.string().describe('the route of the web app where it is done'),
  count: z.number().int(),
  due: z.string().nullable().optional().describe('a deadline (ISO date), when there is one'),
  status: z.string().nullable().optional().describe('where the record stands, as a code'),
});
export const WorkspaceTaskView = z.object({
  kind: z.enum(TASK_KINDS),
  count: z.number().int(),
  link: z.string().describe('the route where the whole task is done'),
  items: z.array(WorkspaceTaskItemView),
});
export type WorkspaceTaskView = z.infer<typeof WorkspaceTaskView>;
export const WorkspaceTaskList = z.object({ items: z.array(WorkspaceTaskView) });
export type WorkspaceTaskList = z.infer<typeof WorkspaceTaskList>;
