import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Db } from '#src/db/client.ts';
import type { Mailer } from '#src/services/notify/mailer.ts';
import { openSession } from '#src/services/auth/sessions.ts';
import { confirmSignUp, requestSignUp } from '#src/services/auth/sign-up.ts';
import {
  addStudentDomain,
  listStudentDomains,
  removeStudentDomain,
} from '#src/services/registry/student-domains.ts';
import { readStudentRecord, recordStudent } from '#src/services/calls/student-record.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  SignUpAnswer,
  SignUpBody,
  SignUpConfirmed,
  SignUpToken,
  StudentDomainBody,
  StudentDomainItemParams,
  StudentDomainList,
  StudentDomainParams,
  StudentParams,
  StudentRecordBody,
  StudentRecordView,
} from './sign-up.schema.ts';
import { contextFor, setSessionCookie, signedIn } from '../session.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  429: ErrorSchema,
};

export interface SignUpDeps {
  db: Db;
  mailer: Mailer | null;
  /** Where the web app is reached, for links in e-mails; the request's own origin when absent. */
  publicUrl?: string;
  /** Sign-ups per minute from one address, as sign-ins. */
  perMinute: number;
}

/**
 * Students join by their university: the e-mail domains it lists (registry:write), the public
 * sign-up and its confirmation (src/services/auth/sign-up.ts), and what the home university
 * records of its students (src/services/calls/student-record.ts).
 */
export const signUpRoutes =
  (deps: SignUpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(deps.db);
    const publicUrlOf = (request: FastifyRequest) =>
      deps.publicUrl ?? `${request.protocol}://${request.host}`;

    app.post(
      '/sign-up',
      {
        config: { rateLimit: { max: deps.perMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['sign-up'],
          summary:
            'Ask for a student account with an address of a listed domain; the link goes by e-mail',
          body: SignUpBody,
          response: { 202: SignUpAnswer, ...errors },
        },
      },
      async (request, reply) => {
        const answer = await requestSignUp(ctx(request), request.body, {
          mailer: deps.mailer,
          publicUrl: publicUrlOf(request),
        });
        return reply.code(202).send(answer);
      },
    );
    // The token travels in the body, not the URL, so that it stays out of the access logs.
    app.post(
      '/sign-up/verify',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['sign-up'],
          summary: 'Open the link of a sign-up: the student account is made, once, and signed in',
          body: SignUpToken,
          response: { 201: SignUpConfirmed, ...errors },
        },
      },
      async (request, reply) => {
        const made = await confirmSignUp(ctx(request), request.body);
        const session = await openSession(deps.db, made.userId, request.id, {
          clock: request.server.clock,
          userAgent: request.headers['user-agent'],
          details: { via: 'sign-up' },
        });
        setSessionCookie(reply, session.token, session.expiresAt, request.server.clock.now());
        return reply.code(201).send({
          email: made.email,
          home: made.home,
        });
      },
    );

    app.get(
      '/institutions/:id/student-domains',
      {
        schema: {
          tags: ['registry'],
          summary: 'The e-mail domains of the university’s students (they may sign up)',
          params: StudentDomainParams,
          response: { 200: StudentDomainList, ...errors },
        },
      },
      async (request) => listStudentDomains(ctx(request), request.params.id),
    );
    app.post(
      '/institutions/:id/student-domains',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'List an e-mail domain of the university’s students (registry:write)',
          params: StudentDomainParams,
          body: StudentDomainBody,
          response: { 201: StudentDomainList, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addStudentDomain(ctx(request), request.params.id, request.body)),
    );
    app.delete(
      '/institutions/:id/student-domains/:domain',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'Remove an e-mail domain from the university’s list (registry:write)',
          params: StudentDomainItemParams,
          response: { 200: StudentDomainList, ...errors },
        },
      },
      async (request) =>
        removeStudentDomain(ctx(request), request.params.id, request.params.domain),
    );

    app.get(
      '/students/:userId/record',
      {
        onRequest: signedIn,
        schema: {
          tags: ['calls'],
          summary: 'What the home university recorded of its student: grade (R6), residence (R9)',
          params: StudentParams,
          response: { 200: StudentRecordView, ...errors },
        },
      },
      async (request) => readStudentRecord(ctx(request), request.params.userId),
    );
    app.put(
      '/students/:userId/record',
      {
        onRequest: signedIn,
        schema: {
          tags: ['calls'],
          summary:
            'Record a student’s grade and residence status (a coordinator of their home institution)',
          params: StudentParams,
          body: StudentRecordBody,
          response: { 200: StudentRecordView, ...errors },
        },
      },
      async (request) => recordStudent(ctx(request), request.params.userId, request.body),
    );
  };
