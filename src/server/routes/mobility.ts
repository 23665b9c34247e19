import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getMobility,
  listMobilities,
  transitionMobility,
} from '#src/services/mobility/mobilities.ts';
import {
  approveLearningAgreement,
  createLearningAgreement,
  diffLearningAgreement,
  getLearningAgreement,
  proposeLearningAgreementChanges,
  rejectLearningAgreement,
} from '#src/services/mobility/learning-agreements.ts';
import {
  agreementRecognitionRate,
  conversionSystems,
  creditConversion,
  decideComponent,
  enterTranscript,
  getRecognition,
  gradeConversion,
  myRecognisedCredits,
} from '#src/services/mobility/recognition.ts';
import { createCourse, listCourses } from '#src/services/mobility/courses.ts';
import { nominateDirectly, nominationOptions } from '#src/services/mobility/nominations.ts';
import {
  decideJukebox,
  enrolInCourse,
  enterJukeboxResult,
  getJukebox,
  listJukeboxEnrolments,
} from '#src/services/mobility/jukebox.ts';
import type { RouteDeps } from '../deps.ts';
import { contextFor, signedIn } from '../session.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  AgreementIdParams,
  AllianceParams,
  AgreementRecognitionRateView,
  CatalogueView,
  ConversionSystemsView,
  CourseView,
  CreditConversionResultView,
  GradeConversionView,
  JukeboxEnrolmentListView,
  JukeboxEnrolmentView,
  JukeboxView,
  LaDiffView,
  LearningAgreementView,
  MobilityDetailView,
  MobilityListView,
  RecognisedCreditsView,
  RecognitionView,
  ApproveBody,
  CourseBody,
  CreateLaBody,
  CreditConversionQuery,
  DecisionBody,
  DiffQuery,
  EnrolmentIdParams,
  GradeConversionQuery,
  InstitutionIdParams,
  JukeboxCourseParams,
  JukeboxDecisionBody,
  JukeboxResultBody,
  MobilityIdParams,
  MobilityListQuery,
  ProposeBody,
  RejectBody,
  TranscriptBody,
  TransitionBody,
  NominationBody,
  NominationCreatedView,
  NominationOptionsView,
} from './mobility.schema.ts';

// Errors share one shape; each route adds the view it answers with (mobility.schema.ts).
const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};
const ok = <T extends z.ZodType>(view: T) => ({ 200: view, ...errors });
const created = <T extends z.ZodType>(view: T) => ({ 201: view, ...errors });

/** Mobility workflow, learning agreements, recognition, catalogues and the Course Jukebox. */
export const mobilityRoutes =
  ({ db, mailer }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const tags = ['mobility'];

    app.get(
      '/mobilities',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Mobilities within your scope (coordinators of home or host, the student themself, officers of the consortium or program), latest start first, a page at a time (limit, cursor), optionally searched by the student’s name (q)',
          querystring: MobilityListQuery,
          response: ok(MobilityListView),
        },
      },
      async (request) =>
        listMobilities(ctx(request), {
          status: request.query.status,
          institutionId: request.query.institution,
          mine: request.query.mine,
          q: request.query.q,
          limit: request.query.limit,
          cursor: request.query.cursor,
        }),
    );
    app.get(
      '/mobilities/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'One mobility: its state, the actions you may take, and its history',
          params: MobilityIdParams,
          response: ok(MobilityDetailView),
        },
      },
      async (request) => getMobility(ctx(request), request.params.id),
    );
    app.post(
      '/mobilities',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'A home coordinator nominates a student directly for a bilateral place: R2 (agreement for the whole stay), R12 (stay range), R9 and R3 (the student record) are checked; the mobility starts as nominated',
          body: NominationBody,
          response: created(NominationCreatedView),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await nominateDirectly(ctx(request), request.body, mailer)),
    );
    app.get(
      '/nominations/options',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'What a direct nomination offers the coordinator: their students by name, and the possible hosts',
          response: ok(NominationOptionsView),
        },
      },
      async (request) => nominationOptions(ctx(request)),
    );
    app.post(
      '/mobilities/:id/transitions',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Make a step of the workflow (the state table says who may); withdrawal, refusal and interruption need a reason; a stale expectedVersion is refused (409)',
          params: MobilityIdParams,
          body: TransitionBody,
          response: ok(MobilityDetailView),
        },
      },
      async (request) => transitionMobility(ctx(request), mailer, request.params.id, request.body),
    );

    // Learning agreements (R7)
    app.get(
      '/mobilities/:id/learning-agreement',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'The learning agreement: every version, with host credits converted and the rule',
          params: MobilityIdParams,
          response: ok(LearningAgreementView),
        },
      },
      async (request) => getLearningAgreement(ctx(request), request.params.id),
    );
    app.post(
      '/mobilities/:id/learning-agreement',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Create the draft learning agreement (version 1, to be signed by all three)',
          params: MobilityIdParams,
          body: CreateLaBody,
          response: created(LearningAgreementView),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createLearningAgreement(ctx(request), mailer, request.params.id, request.body),
          ),
    );
    app.post(
      '/mobilities/:id/learning-agreement/proposals',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Propose changes: a new version naming the version you saw (a stale base is refused, 409)',
          params: MobilityIdParams,
          body: ProposeBody,
          response: created(LearningAgreementView),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await proposeLearningAgreementChanges(
              ctx(request),
              mailer,
              request.params.id,
              request.body,
            ),
          ),
    );
    app.post(
      '/mobilities/:id/learning-agreement/approvals',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Sign the pending version as student, home or host; approving a version that is no longer pending is refused (409)',
          params: MobilityIdParams,
          body: ApproveBody,
          response: ok(LearningAgreementView),
        },
      },
      async (request) =>
        approveLearningAgreement(ctx(request), mailer, request.params.id, request.body),
    );
    app.post(
      '/mobilities/:id/learning-agreement/rejections',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Turn the pending version down with a comment',
          params: MobilityIdParams,
          body: RejectBody,
          response: ok(LearningAgreementView),
        },
      },
      async (request) =>
        rejectLearningAgreement(ctx(request), mailer, request.params.id, request.body),
    );
    app.get(
      '/mobilities/:id/learning-agreement/diff',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Components added, removed and changed between two versions',
          params: MobilityIdParams,
          querystring: DiffQuery,
          response: ok(LaDiffView),
        },
      },
      async (request) =>
        diffLearningAgreement(
          ctx(request),
          request.params.id,
          request.query.from,
          request.query.to,
        ),
    );

    // Transcripts and recognition (R7, R16)
    app.get(
      '/mobilities/:id/recognition',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Per component: transcript line, converted credits and grade with the rule, decision, suggestion; the recognition rate',
          params: MobilityIdParams,
          response: ok(RecognitionView),
        },
      },
      async (request) => getRecognition(ctx(request), request.params.id),
    );
    app.put(
      '/mobilities/:id/transcript',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'The host enters the transcript of records; a completed mobility moves to transcript_issued',
          params: MobilityIdParams,
          body: TranscriptBody,
          response: ok(RecognitionView),
        },
      },
      async (request) => enterTranscript(ctx(request), mailer, request.params.id, request.body),
    );
    app.post(
      '/mobilities/:id/recognition-decisions',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'R7, R16: the home coordinator records full, partial or none (with a reason) for one component',
          params: MobilityIdParams,
          body: DecisionBody,
          response: created(RecognitionView),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await decideComponent(ctx(request), mailer, request.params.id, request.body)),
    );
    app.get(
      '/agreements/:id/recognition-rate',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'R7: the recognition rate of an agreement’s mobilities, per home credit system',
          params: AgreementIdParams,
          response: ok(AgreementRecognitionRateView),
        },
      },
      async (request) => agreementRecognitionRate(ctx(request), request.params.id),
    );
    app.get(
      '/recognised-credits',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Your recognised credits, from mobilities and Course Jukebox enrolments',
          response: ok(RecognisedCreditsView),
        },
      },
      async (request) => myRecognisedCredits(ctx(request)),
    );

    // Conversions
    app.get(
      '/conversions/systems',
      {
        schema: {
          tags,
          summary: 'Credit systems and grade scales as data, with definitions and sources',
          response: { 200: ConversionSystemsView },
        },
      },
      async () => conversionSystems(),
    );
    app.get(
      '/conversions/credits',
      {
        schema: {
          tags,
          summary: 'Convert credits between systems by hours of study; the rule used',
          querystring: CreditConversionQuery,
          response: { 200: CreditConversionResultView, 400: ErrorSchema },
        },
      },
      async (request) =>
        creditConversion(request.query.value, request.query.from, request.query.to),
    );
    app.get(
      '/conversions/grades',
      {
        schema: {
          tags,
          summary: 'Convert a grade between scales (scale mapping through the ECTS ladder); how',
          querystring: GradeConversionQuery,
          response: { 200: GradeConversionView, 400: ErrorSchema },
        },
      },
      async (request) => gradeConversion(request.query.grade, request.query.from, request.query.to),
    );

    // Course catalogues
    app.get(
      '/institutions/:id/courses',
      {
        schema: {
          tags,
          summary: 'The course catalogue of an institution, credits in its own system',
          params: InstitutionIdParams,
          response: { 200: CatalogueView, 404: ErrorSchema },
        },
      },
      async (request) => listCourses(ctx(request), request.params.id),
    );
    app.post(
      '/institutions/:id/courses',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Add a course to the catalogue (a coordinator of the institution)',
          params: InstitutionIdParams,
          body: CourseBody,
          response: created(CourseView),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCourse(ctx(request), request.params.id, request.body)),
    );

    // Course Jukebox (source document 004)
    app.get(
      '/alliances/:id/jukebox',
      {
        schema: {
          tags,
          summary: 'The alliance’s Course Jukebox: members’ online courses shared across it',
          params: AllianceParams,
          response: { 200: JukeboxView, 404: ErrorSchema },
        },
      },
      async (request) => getJukebox(ctx(request), request.params.id),
    );
    app.post(
      '/alliances/:id/jukebox/:courseId/enrolments',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'A student of a member university enrols; refused with every reason otherwise',
          params: JukeboxCourseParams,
          response: created(JukeboxEnrolmentView),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await enrolInCourse(ctx(request), mailer, request.params.id, request.params.courseId),
          ),
    );
    app.get(
      '/jukebox-enrolments',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Jukebox enrolments: yours, or those your institution sends or hosts',
          response: ok(JukeboxEnrolmentListView),
        },
      },
      async (request) => listJukeboxEnrolments(ctx(request)),
    );
    app.put(
      '/jukebox-enrolments/:id/result',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The host coordinator enters the result (a transcript line)',
          params: EnrolmentIdParams,
          body: JukeboxResultBody,
          response: ok(JukeboxEnrolmentView),
        },
      },
      async (request) => enterJukeboxResult(ctx(request), mailer, request.params.id, request.body),
    );
    app.post(
      '/jukebox-enrolments/:id/recognition',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'R7, R16: the home coordinator decides on recognition of a Jukebox course',
          params: EnrolmentIdParams,
          body: JukeboxDecisionBody,
          response: created(JukeboxEnrolmentView),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await decideJukebox(ctx(request), mailer, request.params.id, request.body)),
    );
  };
