import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Db } from '#src/db/client.ts';
import type { Mailer } from '#src/services/notify/mailer.ts';
import { signIn } from '#src/services/auth/sessions.ts';
import {
  findPeople,
  grantableRoles,
  grantRole,
  personWithRoles,
  revokeRole,
  setAccountDisabled,
} from '#src/services/auth/roles.ts';
import {
  acceptInvitation,
  inviteSomeone,
  pendingInvitations,
  readInvitation,
  revokeInvitation,
} from '#src/services/auth/invitations.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  AcceptBody,
  Accepted,
  AccountState,
  GrantBody,
  GrantableList,
  Granted,
  InvitationCreated,
  InvitationList,
  InvitationPublic,
  InvitationRevoked,
  InviteBody,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  TokenBody,
} from './people.schema.ts';
import { contextFor, setSessionCookie, signedIn } from '../session.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};
const Id = z.object({ id: z.uuid() });

export interface PeopleDeps {
  db: Db;
  mailer: Mailer | null;
  /** Where the web app is reached, for links in e-mails; the request's own origin when absent. */
  publicUrl?: string;
}

/** People, their roles, and invitations to hold one (src/services/auth/roles.ts, invitations.ts). */
export const peopleRoutes =
  (deps: PeopleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(deps.db);
    const publicUrlOf = (request: FastifyRequest) =>
      deps.publicUrl ?? `${request.protocol}://${request.host}`;

    app.get(
      '/people',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'People the signed-in person may see, by part of their name or address',
          querystring: PeopleQuery,
          response: { 200: PeoplePage, ...errors },
        },
      },
      async (request) => findPeople(ctx(request), request.query),
    );
    app.get(
      '/people/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'A person and their roles, each with the name of its scope',
          params: Id,
          response: { 200: PersonDetail, ...errors },
        },
      },
      async (request) => personWithRoles(ctx(request), request.params.id),
    );
    app.post(
      '/people/:id/roles',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'Give a person a role (only one the signed-in person may grant)',
          params: Id,
          body: GrantBody,
          response: { 201: Granted, ...errors },
        },
      },
      async (request, reply) => {
        const granted = await grantRole(ctx(request), request.params.id, request.body);
        return reply.code(201).send(granted);
      },
    );
    app.delete(
      '/people/:id/roles/:roleId',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'Take a role back (only one the signed-in person may grant)',
          params: z.object({ id: z.uuid(), roleId: z.uuid() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await revokeRole(ctx(request), request.params.id, request.params.roleId);
        return reply.code(204).send(null);
      },
    );
    for (const [path, disabled] of [
      ['deactivate', true],
      ['reactivate', false],
    ] as const) {
      app.post(
        `/people/:id/${path}`,
        {
          onRequest: signedIn,
          schema: {
            tags: ['people'],
            summary: disabled
              ? 'End an account (administrators): its sessions end at once'
              : 'Restore an ended account (administrators)',
            params: Id,
            response: { 200: AccountState, ...errors },
          },
        },
        async (request) => setAccountDisabled(ctx(request), request.params.id, disabled),
      );
    }

    app.get(
      '/grantable-roles',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'Every role and scope the signed-in person may grant, with the scopes’ names',
          response: { 200: GrantableList, ...errors },
        },
      },
      async (request) => ({ items: await grantableRoles(ctx(request)) }),
    );
    app.get(
      '/invitations',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'Pending invitations the signed-in person may manage',
          response: { 200: InvitationList, ...errors },
        },
      },
      async (request) => ({ items: await pendingInvitations(ctx(request)) }),
    );
    app.post(
      '/invitations',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'Invite an address to hold a role; the link goes by e-mail only',
          body: InviteBody,
          response: { 201: InvitationCreated, ...errors },
        },
      },
      async (request, reply) => {
        const created = await inviteSomeone(ctx(request), request.body, {
          mailer: deps.mailer,
          publicUrl: publicUrlOf(request),
        });
        return reply.code(201).send(created);
      },
    );
    app.post(
      '/invitations/:id/revoke',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'Revoke a pending invitation: its link stops working',
          params: Id,
          response: { 200: InvitationRevoked, ...errors },
        },
      },
      async (request) => revokeInvitation(ctx(request), request.params.id),
    );
    // The token travels in the body, not the URL, so that it stays out of the access logs.
    app.post(
      '/invitations/read',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['people'],
          summary: 'What an invitation link offers (public), or why it no longer works',
          body: TokenBody,
          response: { 200: InvitationPublic, ...errors },
        },
      },
      async (request) => readInvitation(ctx(request), request.body.token),
    );
    app.post(
      '/invitations/accept',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['people'],
          summary:
            'Accept an invitation (public): a new account with name and password, or the role for the signed-in account of the address',
          body: AcceptBody,
          response: { 201: Accepted, ...errors },
        },
      },
      async (request, reply) => {
        const accepted = await acceptInvitation(ctx(request), request.body);
        if (accepted.created && request.body.password) {
          const session = await signIn(
            deps.db,
            { email: accepted.email, password: request.body.password },
            request.id,
          );
          setSessionCookie(reply, session.token, session.expiresAt, request.server.clock.now());
        }
        return reply.code(201).send({ email: accepted.email, created: accepted.created });
      },
    );
  };
