import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import { signOutEverywhere } from '#src/services/auth/sessions.ts';
import { markRead, myNotifications, setMyLanguage } from '#src/services/notify/inbox.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  LanguageBody,
  MarkReadResult,
  NotificationList,
  NotificationsQuery,
  SignedOutEverywhere,
} from './me.schema.ts';
import { clearSessionCookie, contextFor, requireActor, signedIn } from '../session.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** The signed-in person's own things: notifications and the language they read them in. */
export const meRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    app.get(
      '/me/notifications',
      {
        onRequest: signedIn,
        schema: {
          tags: ['notifications'],
          summary: 'The signed-in user’s notifications, newest first',
          querystring: NotificationsQuery,
          response: { 200: NotificationList, ...errors },
        },
      },
      async (request) => myNotifications(ctx(request), request.query),
    );
    app.post(
      '/me/notifications/:id/read',
      {
        onRequest: signedIn,
        schema: {
          tags: ['notifications'],
          summary: 'Mark a notification as read',
          params: z.object({ id: z.uuid() }),
          response: { 200: MarkReadResult, ...errors },
        },
      },
      async (request) => markRead(ctx(request), request.params.id),
    );
    app.post(
      '/me/sign-out-everywhere',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'End every session of the signed-in user, on every device (this one too)',
          response: { 200: SignedOutEverywhere, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const sessions = await signOutEverywhere(db, actor.id, request.id);
        clearSessionCookie(reply);
        return { sessions };
      },
    );
    app.put(
      '/me/language',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'The language notifications and e-mails are written in for the signed-in user',
          body: LanguageBody,
          response: { 200: LanguageBody, ...errors },
        },
      },
      async (request) => setMyLanguage(ctx(request), request.body.language),
    );
  };
