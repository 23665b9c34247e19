import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createEvent,
  createSeries,
  getEvent,
  getSeries,
  listEvents,
  listSeries,
  myEvents,
  openLiaisonOffice,
  updateEventDetails,
} from '#src/services/events/events.ts';
import {
  approveMinutes,
  createContribution,
  createMinutes,
  createSession,
  editMinutes,
  listMinutes,
  removeContribution,
  removeSession,
  updateContributionDetails,
  updateSessionDetails,
} from '#src/services/events/programme.ts';
import {
  cancelRegistration,
  checkIn,
  decideRegistration,
  listParticipants,
  register,
  updateMyRegistration,
} from '#src/services/events/registrations.ts';
import {
  certificatePdf,
  eventCalendar,
  eventParticipationReport,
  feedCalendar,
  myCalendar,
  myCalendarFeed,
  newCalendarFeed,
  revokeCalendarFeed,
  seriesCalendar,
} from '#src/services/events/documents.ts';
import {
  invitationAudiences,
  inviteToEvent,
  listInvitations,
} from '#src/services/events/invitations.ts';
import type { RouteDeps } from '../deps.ts';
import { contextFor, signedIn } from '../session.ts';
import { contentDisposition } from '../content-disposition.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  CalendarFeedSchema,
  CheckInBody,
  FeedTokenParams,
  InvitationAudiencesSchema,
  InvitationBody,
  InvitationListSchema,
  InvitationResultSchema,
  ParticipationQuery,
  ParticipationSchema,
  CheckInResultSchema,
  ContributionBody,
  EventBody,
  EventDetailSchema,
  EventIdParams,
  EventListQuery,
  EventListSchema,
  LangQuery,
  LiaisonOfficeBody,
  MinutesBody,
  MinutesListSchema,
  MyEventsSchema,
  ParticipantsSchema,
  RegisterBody,
  RegistrationSchema,
  RegistrationUpdateBody,
  SeriesBody,
  SeriesListSchema,
  SeriesSchema,
  SessionBody,
  VersionParams,
  errorResponses,
} from './events.schema.ts';

const tags = ['events'];

export const eventRoutes =
  ({ db, mailer }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);

    // ------------------------------------------------------------------------------ events
    app.get(
      '/events',
      {
        schema: {
          tags,
          summary: 'Events you may see (visitors: public ones), searched in every language',
          querystring: EventListQuery,
          response: { 200: EventListSchema, 400: ErrorSchema },
        },
      },
      async (request) => listEvents(ctx(request), request.query),
    );
    app.post(
      '/events',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'An organiser creates an event for parties they act for',
          body: EventBody,
          response: { 201: EventDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createEvent(ctx(request), request.body)),
    );
    app.get(
      '/events/:id',
      {
        schema: {
          tags,
          summary: 'One event with its programme; online links only when you may see them',
          params: EventIdParams,
          response: { 200: EventDetailSchema, 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => getEvent(ctx(request), request.params.id),
    );
    app.put(
      '/events/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The organisers change the event (its sessions must stay on its days)',
          params: EventIdParams,
          body: EventBody,
          response: { 200: EventDetailSchema, ...errorResponses },
        },
      },
      async (request) => updateEventDetails(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/events/:id/liaison-office',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'A signing ceremony opens the liaison office it celebrates (registry + link to it)',
          params: EventIdParams,
          body: LiaisonOfficeBody,
          response: { 201: EventDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await openLiaisonOffice(ctx(request), request.params.id, request.body)),
    );
    app.get(
      '/events/:id/calendar.ics',
      {
        schema: {
          tags,
          summary: 'iCalendar of the event: one entry per session (UTC instants)',
          params: EventIdParams,
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const text = await eventCalendar(ctx(request), request.params.id, request.query.lang);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', contentDisposition('event.ics', 'inline'))
          .send(text);
      },
    );

    // ------------------------------------------------------------------ sessions, contributions
    app.post(
      '/events/:id/sessions',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Add a session: a day of the event, start and end in its zone, a room',
          params: EventIdParams,
          body: SessionBody,
          response: { 201: EventDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createSession(ctx(request), request.params.id, request.body)),
    );
    app.put(
      '/event-sessions/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Change a session',
          params: EventIdParams,
          body: SessionBody,
          response: { 200: EventDetailSchema, ...errorResponses },
        },
      },
      async (request) => updateSessionDetails(ctx(request), request.params.id, request.body),
    );
    app.delete(
      '/event-sessions/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Remove a session with its contributions',
          params: EventIdParams,
          response: { 200: EventDetailSchema, ...errorResponses },
        },
      },
      async (request) => removeSession(ctx(request), request.params.id),
    );
    app.post(
      '/event-sessions/:id/contributions',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Add a contribution (keynote, report, student presentation, remarks)',
          params: EventIdParams,
          body: ContributionBody,
          response: { 201: EventDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createContribution(ctx(request), request.params.id, request.body)),
    );
    app.put(
      '/event-contributions/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Change a contribution',
          params: EventIdParams,
          body: ContributionBody,
          response: { 200: EventDetailSchema, ...errorResponses },
        },
      },
      async (request) => updateContributionDetails(ctx(request), request.params.id, request.body),
    );
    app.delete(
      '/event-contributions/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Remove a contribution',
          params: EventIdParams,
          response: { 200: EventDetailSchema, ...errorResponses },
        },
      },
      async (request) => removeContribution(ctx(request), request.params.id),
    );

    // ----------------------------------------------------------------------------- minutes
    app.get(
      '/event-sessions/:id/minutes',
      {
        schema: {
          tags,
          summary: 'Minutes of a session: approved versions (organisers: drafts too)',
          params: EventIdParams,
          response: { 200: MinutesListSchema, 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => listMinutes(ctx(request), request.params.id),
    );
    app.post(
      '/event-sessions/:id/minutes',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Write a new version of the minutes',
          params: EventIdParams,
          body: MinutesBody,
          response: { 201: MinutesListSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createMinutes(ctx(request), request.params.id, request.body)),
    );
    app.put(
      '/event-sessions/:id/minutes/:version',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Correct a draft version (an approved version is locked: 409)',
          params: VersionParams,
          body: MinutesBody,
          response: { 200: MinutesListSchema, ...errorResponses },
        },
      },
      async (request) =>
        editMinutes(ctx(request), request.params.id, request.params.version, request.body),
    );
    app.post(
      '/event-sessions/:id/minutes/:version/approve',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Approve a version: it is locked from now on',
          params: VersionParams,
          response: { 200: MinutesListSchema, ...errorResponses },
        },
      },
      async (request) => approveMinutes(ctx(request), request.params.id, request.params.version),
    );

    // ------------------------------------------------------------------------ registrations
    app.post(
      '/events/:id/registrations',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Register: confirmed, awaiting approval, or on the waiting list (never over-booked)',
          params: EventIdParams,
          body: RegisterBody,
          response: { 201: RegistrationSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await register(ctx(request), request.params.id, request.body)),
    );
    app.get(
      '/events/:id/participants',
      {
        schema: {
          tags,
          summary:
            'Participants: organisers see all; others only those who consent, if registered or the event is public',
          params: EventIdParams,
          response: { 200: ParticipantsSchema, ...errorResponses },
        },
      },
      async (request) => listParticipants(ctx(request), request.params.id),
    );
    app.post(
      '/events/:id/check-in',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Check a participant in with the token of their QR code',
          params: EventIdParams,
          body: CheckInBody,
          response: { 200: CheckInResultSchema, ...errorResponses },
        },
      },
      async (request) => checkIn(ctx(request), request.params.id, request.body.token),
    );
    app.patch(
      '/event-registrations/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Your consent to be listed, your follow-up answers',
          params: EventIdParams,
          body: RegistrationUpdateBody,
          response: { 200: RegistrationSchema, ...errorResponses },
        },
      },
      async (request) => updateMyRegistration(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/event-registrations/:id/cancel',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Cancel (yours, or as an organiser); the waiting list moves up',
          params: EventIdParams,
          response: { 200: RegistrationSchema, ...errorResponses },
        },
      },
      async (request) => cancelRegistration(ctx(request), mailer, request.params.id),
    );
    for (const step of ['approve', 'refuse'] as const) {
      app.post(
        `/event-registrations/:id/${step}`,
        {
          onRequest: signedIn,
          schema: {
            tags,
            summary:
              step === 'approve'
                ? 'Approve a request: a place, or the waiting list when full'
                : 'Refuse a registration; the waiting list moves up',
            params: EventIdParams,
            response: { 200: RegistrationSchema, ...errorResponses },
          },
        },
        async (request) => decideRegistration(ctx(request), mailer, request.params.id, step),
      );
    }
    app.get(
      '/event-registrations/:id/certificate.pdf',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Certificate of attendance (A4 PDF, participant’s language), after check-in',
          params: EventIdParams,
          // The answer is the PDF itself (application/pdf); errors follow ErrorSchema.
        },
      },
      async (request, reply) => {
        const { pdf, filename } = await certificatePdf(ctx(request), request.params.id);
        reply.header('content-disposition', contentDisposition(filename, 'inline'));
        return reply.type('application/pdf').send(pdf);
      },
    );
    app.get(
      '/me/events',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The events you registered for, with your registration',
          response: { 200: MyEventsSchema, 401: ErrorSchema },
        },
      },
      async (request) => myEvents(ctx(request)),
    );
    app.get(
      '/me/events.ics',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'iCalendar of what you registered for',
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const text = await myCalendar(ctx(request), request.query.lang);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', contentDisposition('my-events.ics', 'inline'))
          .send(text);
      },
    );

    // ------------------------------------------------------------------------------ series
    app.get(
      '/event-series',
      {
        schema: {
          tags,
          summary: 'Series of events with their rotation rule and suggested next host',
          response: { 200: SeriesListSchema },
        },
      },
      async (request) => listSeries(ctx(request)),
    );
    app.post(
      '/event-series',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Start a series (rotation: countries in turn, interval in months)',
          body: SeriesBody,
          response: { 201: SeriesSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createSeries(ctx(request), request.body)),
    );
    app.get(
      '/event-series/:id',
      {
        schema: {
          tags,
          summary: 'A series’ archive: every edition, the rotation, the next host suggested',
          params: EventIdParams,
          response: { 200: SeriesSchema, 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => getSeries(ctx(request), request.params.id),
    );
    app.get(
      '/event-series/:id/calendar.ics',
      {
        schema: {
          tags,
          summary: 'iCalendar of every edition of the series',
          params: EventIdParams,
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const text = await seriesCalendar(ctx(request), request.params.id, request.query.lang);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', contentDisposition('series.ics', 'inline'))
          .send(text);
      },
    );
    // ------------------------------------------------------------------------- invitations
    app.post(
      '/events/:id/invitations',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Invite a group: the coordinators of a consortium the event belongs to, the students of a call you manage, an alumni cohort of an association you manage',
          params: EventIdParams,
          body: InvitationBody,
          response: { 200: InvitationResultSchema, ...errorResponses },
        },
      },
      async (request) =>
        inviteToEvent(ctx(request), mailer, request.params.id, request.body.audience),
    );
    app.get(
      '/events/:id/invitations',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The invitations sent: to which group, by whom, how many people each reached',
          params: EventIdParams,
          response: { 200: InvitationListSchema, ...errorResponses },
        },
      },
      async (request) => listInvitations(ctx(request), request.params.id),
    );
    app.get(
      '/events/:id/invitation-audiences',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The groups you may invite to this event',
          params: EventIdParams,
          response: { 200: InvitationAudiencesSchema, ...errorResponses },
        },
      },
      async (request) => invitationAudiences(ctx(request), request.params.id),
    );

    // ---------------------------------------------------------------------- calendar links
    app.get(
      '/me/calendar-feed',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Whether you have a calendar link (its address is shown only when made)',
          response: { 200: CalendarFeedSchema, 401: ErrorSchema },
        },
      },
      async (request) => myCalendarFeed(ctx(request)),
    );
    app.post(
      '/me/calendar-feed',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A new secret link to what you registered for; any earlier link stops working',
          response: { 200: CalendarFeedSchema, 401: ErrorSchema },
        },
      },
      async (request) => newCalendarFeed(ctx(request)),
    );
    app.delete(
      '/me/calendar-feed',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Revoke your calendar link',
          response: { 200: CalendarFeedSchema, 401: ErrorSchema },
        },
      },
      async (request) => revokeCalendarFeed(ctx(request)),
    );
    app.get(
      '/calendar-feeds/:token/events.ics',
      {
        schema: {
          tags,
          summary:
            'iCalendar of what the link’s holder registered for (for calendar applications, which send no cookie)',
          params: FeedTokenParams,
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const text = await feedCalendar(ctx(request), request.params.token, request.query.lang);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', contentDisposition('my-events.ics', 'inline'))
          .send(text);
      },
    );

    // ------------------------------------------------------------------------ for the reports
    app.get(
      '/event-participation',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Events held between two dates with their participants (confirmed, checked in, invited), by program, consortium or institution',
          querystring: ParticipationQuery,
          response: { 200: ParticipationSchema, ...errorResponses },
        },
      },
      async (request) => eventParticipationReport(ctx(request), request.query),
    );
  };
