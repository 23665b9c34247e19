import { z } from 'zod';
import { languageSchema, messageParamsSchema } from '#src/domain/shared/refusal.ts';
import { NOTIFICATION_TYPES } from '#src/i18n/notifications.ts';

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
