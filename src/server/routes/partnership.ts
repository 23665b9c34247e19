import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addCohort,
  addMeeting,
  addPath,
  createBoard,
  createProgramme,
  getBoard,
  getProgramme,
  listBoards,
  listProgrammes,
  updateBoardDetails,
  updateProgrammeDetails,
} from '#src/services/partnership/programmes.ts';
import {
  addPlan,
  createCotutelle,
  createLab,
  createPartnership,
  createVisit,
  getCotutelle,
  getLab,
  getPartnership,
  getVisit,
  listCotutelles,
  listLabs,
  listPartnerships,
  listVisits,
  updateCotutelleDetails,
  updateLabDetails,
  updatePartnershipDetails,
  updateVisitDetails,
} from '#src/services/partnership/records.ts';
import type { RouteDeps } from '../deps.ts';
import { contextFor, signedIn } from '../session.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  BoardBody,
  BoardListSchema,
  BoardSchema,
  CohortBody,
  CotutelleBody,
  CotutelleListQuery,
  CotutelleListSchema,
  CotutelleSchema,
  IdParams,
  InstitutionQuery,
  LabBody,
  LabListSchema,
  LabSchema,
  MeetingBody,
  PartnershipBody,
  PartnershipListSchema,
  PartnershipSchema,
  PathBody,
  PlanBody,
  ProgrammeBody,
  ProgrammeListQuery,
  ProgrammeListSchema,
  ProgrammeSchema,
  VisitBody,
  VisitListSchema,
  VisitSchema,
  errorResponses,
} from './partnership.schema.ts';

const tags = ['partnership'];
const readErrors = { 400: ErrorSchema, 404: ErrorSchema };

export const partnershipRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);

    // ---------------------------------------------------------------------- degree programmes
    app.get(
      '/degree-programmes',
      {
        schema: {
          tags,
          summary: 'Degree programmes across institutions (public)',
          querystring: ProgrammeListQuery,
          response: { 200: ProgrammeListSchema, 400: ErrorSchema },
        },
      },
      async (request) => listProgrammes(ctx(request), request.query),
    );
    app.post(
      '/degree-programmes',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator of a partner creates a double, dual or joint degree programme',
          body: ProgrammeBody,
          response: { 201: ProgrammeSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createProgramme(ctx(request), request.body)),
    );
    app.get(
      '/degree-programmes/:id',
      {
        schema: {
          tags,
          summary: 'One programme with its split and cohorts; students’ paths only within scope',
          params: IdParams,
          response: { 200: ProgrammeSchema, ...readErrors },
        },
      },
      async (request) => getProgramme(ctx(request), request.params.id),
    );
    app.put(
      '/degree-programmes/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator of a partner changes the programme',
          params: IdParams,
          body: ProgrammeBody,
          response: { 200: ProgrammeSchema, ...errorResponses },
        },
      },
      async (request) => updateProgrammeDetails(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/degree-programmes/:id/cohorts',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A cohort (intake year) of the programme',
          params: IdParams,
          body: CohortBody,
          response: { 201: ProgrammeSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addCohort(ctx(request), request.params.id, request.body)),
    );
    app.post(
      '/degree-programmes/:id/paths',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A student enrolled in a cohort, with the mobilities of their path',
          params: IdParams,
          body: PathBody,
          response: { 201: ProgrammeSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addPath(ctx(request), request.params.id, request.body)),
    );

    // ----------------------------------------------------------------------- education boards
    app.get(
      '/education-boards',
      {
        schema: {
          tags,
          summary: 'Education boards (public; members’ names within scope)',
          querystring: InstitutionQuery,
          response: { 200: BoardListSchema, 400: ErrorSchema },
        },
      },
      async (request) => listBoards(ctx(request), request.query),
    );
    app.post(
      '/education-boards',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator creates a board joining institutions',
          body: BoardBody,
          response: { 201: BoardSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBoard(ctx(request), request.body)),
    );
    app.get(
      '/education-boards/:id',
      {
        schema: {
          tags,
          summary: 'One board with its members, meetings and planned programmes',
          params: IdParams,
          response: { 200: BoardSchema, ...readErrors },
        },
      },
      async (request) => getBoard(ctx(request), request.params.id),
    );
    app.put(
      '/education-boards/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator of the board’s institutions changes it',
          params: IdParams,
          body: BoardBody,
          response: { 200: BoardSchema, ...errorResponses },
        },
      },
      async (request) => updateBoardDetails(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/education-boards/:id/meetings',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A meeting of the board: an event organised by its institutions',
          params: IdParams,
          body: MeetingBody,
          response: { 201: BoardSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addMeeting(ctx(request), request.params.id, request.body)),
    );

    // ------------------------------------------------------------------------------ cotutelles
    app.get(
      '/cotutelles',
      {
        schema: {
          tags,
          summary: 'Counts by status for everyone; the cotutelles themselves within scope',
          querystring: CotutelleListQuery,
          response: { 200: CotutelleListSchema, 400: ErrorSchema },
        },
      },
      async (request) => listCotutelles(ctx(request), request.query),
    );
    app.post(
      '/cotutelles',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator records a co-supervised doctorate',
          body: CotutelleBody,
          response: { 201: CotutelleSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCotutelle(ctx(request), request.body)),
    );
    app.get(
      '/cotutelles/:id',
      {
        schema: {
          tags,
          summary: 'One cotutelle (its institutions’ coordinators and the candidate)',
          params: IdParams,
          response: { 200: CotutelleSchema, ...readErrors },
        },
      },
      async (request) => getCotutelle(ctx(request), request.params.id),
    );
    app.put(
      '/cotutelles/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator changes the cotutelle (its status, its defence)',
          params: IdParams,
          body: CotutelleBody,
          response: { 200: CotutelleSchema, ...errorResponses },
        },
      },
      async (request) => updateCotutelleDetails(ctx(request), request.params.id, request.body),
    );

    // ------------------------------------------------------------------------------ joint labs
    app.get(
      '/joint-labs',
      {
        schema: {
          tags,
          summary: 'Joint laboratories and projects with funding and timeline (public)',
          querystring: InstitutionQuery,
          response: { 200: LabListSchema, 400: ErrorSchema },
        },
      },
      async (request) => listLabs(ctx(request), request.query),
    );
    app.post(
      '/joint-labs',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator of a partner creates a laboratory or project',
          body: LabBody,
          response: { 201: LabSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await createLab(ctx(request), request.body)),
    );
    app.get(
      '/joint-labs/:id',
      {
        schema: {
          tags,
          summary: 'One laboratory or project with its extensions and timeline',
          params: IdParams,
          response: { 200: LabSchema, ...readErrors },
        },
      },
      async (request) => getLab(ctx(request), request.params.id),
    );
    app.put(
      '/joint-labs/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator of a partner changes the laboratory (e.g. adds an extension)',
          params: IdParams,
          body: LabBody,
          response: { 200: LabSchema, ...errorResponses },
        },
      },
      async (request) => updateLabDetails(ctx(request), request.params.id, request.body),
    );

    // ---------------------------------------------------------------------------------- visits
    app.get(
      '/visits',
      {
        schema: {
          tags,
          summary: 'Counts by role for everyone; the visits themselves within scope',
          querystring: InstitutionQuery,
          response: { 200: VisitListSchema, 400: ErrorSchema },
        },
      },
      async (request) => listVisits(ctx(request), request.query),
    );
    app.post(
      '/visits',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator records a visit of staff',
          body: VisitBody,
          response: { 201: VisitSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createVisit(ctx(request), request.body)),
    );
    app.get(
      '/visits/:id',
      {
        schema: {
          tags,
          summary: 'One visit (its institutions’ coordinators and the visitor)',
          params: IdParams,
          response: { 200: VisitSchema, ...readErrors },
        },
      },
      async (request) => getVisit(ctx(request), request.params.id),
    );
    app.put(
      '/visits/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator changes the visit',
          params: IdParams,
          body: VisitBody,
          response: { 200: VisitSchema, ...errorResponses },
        },
      },
      async (request) => updateVisitDetails(ctx(request), request.params.id, request.body),
    );

    // --------------------------------------------------------------------------- partnerships
    app.get(
      '/partnerships',
      {
        schema: {
          tags,
          summary: 'Partnerships with their themes and strategic plans (public)',
          querystring: InstitutionQuery,
          response: { 200: PartnershipListSchema, 400: ErrorSchema },
        },
      },
      async (request) => listPartnerships(ctx(request), request.query),
    );
    app.post(
      '/partnerships',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator creates a partnership of institutions with its themes',
          body: PartnershipBody,
          response: { 201: PartnershipSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPartnership(ctx(request), request.body)),
    );
    app.get(
      '/partnerships/:id',
      {
        schema: {
          tags,
          summary: 'One partnership with its themes and strategic plans',
          params: IdParams,
          response: { 200: PartnershipSchema, ...readErrors },
        },
      },
      async (request) => getPartnership(ctx(request), request.params.id),
    );
    app.put(
      '/partnerships/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A coordinator of its institutions changes the partnership',
          params: IdParams,
          body: PartnershipBody,
          response: { 200: PartnershipSchema, ...errorResponses },
        },
      },
      async (request) => updatePartnershipDetails(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/partnerships/:id/plans',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A strategic plan of the partnership',
          params: IdParams,
          body: PlanBody,
          response: { 201: PartnershipSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addPlan(ctx(request), request.params.id, request.body)),
    );
  };
