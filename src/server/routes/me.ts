import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import { endMySession, mySessions, signOutEverywhere } from '#src/services/auth/sessions.ts';
import { changeMyPassword, myNamesOf, setMyNames } from '#src/services/auth/accounts.ts';
import { exportMyData } from '#src/services/auth/my-data.ts';
import { markRead, myNotifications, setMyLanguage } from '#src/services/notify/inbox.ts';
import { myTasks } from '#src/services/workspace/tasks.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  LanguageBody,
  MarkReadResult,
  MyDataView,
  NamesView,
  PasswordChangeBody,
  PasswordChanged,
  SessionEnded,
  SessionList,
  NotificationList,
  NotificationsQuery,
  SignedOutEverywhere,
  WorkspaceTaskList,
} from './me.schema.ts';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  contextFor,
  requireActor,
  signedIn,
} from '../session.ts';
import { contentDisposition } from '../content-disposition.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/**
 * The signed-in person's own things: notifications, the language they read them in, their names,
 * password and sessions, and the export of all their personal data.
 */
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
    app.get(
      '/me/tasks',
      {
        onRequest: signedIn,
        schema: {
          tags: ['workspace'],
          summary:
            'What waits for the signed-in person, by kind: each task with its count, the names it concerns and where it is done',
          response: { 200: WorkspaceTaskList, ...errors },
        },
      },
      async (request) => myTasks(ctx(request)),
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
    app.get(
      '/me/sessions',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user’s open sessions, on every device, the most recent first',
          response: { 200: SessionList, ...errors },
        },
      },
      async (request) => ({
        items: await mySessions(ctx(request), request.cookies[SESSION_COOKIE]),
      }),
    );
    app.delete(
      '/me/sessions/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'End one of the signed-in user’s sessions (another device’s, or this one)',
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: SessionEnded, ...errors },
        },
      },
      async (request, reply) => {
        const before = await mySessions(ctx(request), request.cookies[SESSION_COOKIE]);
        const ended = await endMySession(ctx(request), request.params.id);
        if (before.some((s) => s.current && s.id === request.params.id)) clearSessionCookie(reply);
        return ended;
      },
    );
    app.put(
      '/me/password',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'Change the password (the current one is needed); every other session ends',
          body: PasswordChangeBody,
          response: { 200: PasswordChanged, ...errors },
        },
      },
      async (request) =>
        changeMyPassword(ctx(request), request.body, request.cookies[SESSION_COOKIE]),
    );
    app.get(
      '/me/names',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user’s display name and their name in each script',
          response: { 200: NamesView, ...errors },
        },
      },
      async (request) => myNamesOf(ctx(request)),
    );
    app.put(
      '/me/names',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary:
            'Set the display name and the name in each script (kanji, kana, Latin, Cyrillic)',
          body: NamesView,
          response: { 200: NamesView, ...errors },
        },
      },
      async (request) => setMyNames(ctx(request), request.body),
    );
    app.get(
      '/me/data',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'All the signed-in user’s personal data, as one JSON document to download',
          description: `The document's top level: ${Object.keys(MyDataView.shape).join(', ')}, then one key per kind of record.`,
        },
      },
      async (request, reply) => {
        const data = await exportMyData(ctx(request));
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', contentDisposition('kakehashi-my-data.json'))
          .header('cache-control', 'private, no-store')
          .send(JSON.stringify(data, null, 2));
      },
    );
  };
