import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  addMeeting,
  addOfficer,
  createAssociation,
  deriveAssociationAlumni,
  getAssociation,
  listAssociations,
  removeOfficer,
} from '#src/services/alumni/associations.ts';
import { directory } from '#src/services/alumni/directory.ts';
import {
  myAlumni,
  myMentors,
  setMenteeWish,
  updateMyAlumniRecord,
} from '#src/services/alumni/profile.ts';
import {
  AssociationBody,
  AssociationDetail,
  AssociationIdParams,
  AssociationList,
  DeriveResult,
  Directory,
  DirectoryQuery,
  MeetingBody,
  MenteeBody,
  MyAlumni,
  MyMentors,
  OfficerBody,
  OfficerParams,
  ProfileBody,
  RecordIdParams,
  StayIdParams,
  errorResponses,
} from './alumni.schema.ts';
import { ErrorSchema } from './common.schema.ts';
import { contextFor, signedIn } from '../session.ts';

/** Alumni associations, their directory, and each alumnus's own profile and mentors. */
export const alumniRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const tags = ['alumni'];

    app.get(
      '/alumni-associations',
      {
        schema: {
          tags,
          summary: 'Alumni associations, each with its university and how many alumni it has',
          response: { 200: AssociationList },
        },
      },
      async (request) => listAssociations(ctx(request)),
    );
    app.post(
      '/alumni-associations',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Found an alumni association of a university (or of one program at it): its coordinators',
          body: AssociationBody,
          response: { 200: AssociationDetail, ...errorResponses },
        },
      },
      async (request) => createAssociation(ctx(request), request.body),
    );
    app.get(
      '/alumni-associations/:id',
      {
        schema: {
          tags,
          summary: 'One alumni association: officers, general conferences with minutes, counts',
          params: AssociationIdParams,
          response: { 200: AssociationDetail, 404: ErrorSchema },
        },
      },
      async (request) => getAssociation(ctx(request), request.params.id),
    );
    app.get(
      '/alumni-associations/:id/directory',
      {
        schema: {
          tags,
          summary:
            'The directory: per alumnus only the fields consented for the reader’s audience, searched in those fields alone',
          params: AssociationIdParams,
          querystring: DirectoryQuery,
          response: { 200: Directory, 404: ErrorSchema },
        },
      },
      async (request) => directory(ctx(request), request.params.id, request.query.q),
    );
    app.post(
      '/alumni-associations/:id/derive',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Enter the alumni of completed mobilities not entered yet (each mobility once)',
          params: AssociationIdParams,
          response: { 200: DeriveResult, ...errorResponses },
        },
      },
      async (request) => deriveAssociationAlumni(ctx(request), request.params.id),
    );
    app.post(
      '/alumni-associations/:id/officers',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Name an alumnus an officer of the association',
          params: AssociationIdParams,
          body: OfficerBody,
          response: { 200: AssociationDetail, ...errorResponses },
        },
      },
      async (request) => addOfficer(ctx(request), request.params.id, request.body),
    );
    app.delete(
      '/alumni-associations/:id/officers/:officerId',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'End an officer’s office',
          params: OfficerParams,
          response: { 200: AssociationDetail, ...errorResponses },
        },
      },
      async (request) => removeOfficer(ctx(request), request.params.id, request.params.officerId),
    );
    app.post(
      '/alumni-associations/:id/meetings',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Record a general conference with its minutes (and its event, when there is one)',
          params: AssociationIdParams,
          body: MeetingBody,
          response: { 200: AssociationDetail, ...errorResponses },
        },
      },
      async (request) => addMeeting(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/me/alumni',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'The signed-in person’s alumni records, with their consent per field and audience',
          response: { 200: MyAlumni, ...errorResponses },
        },
      },
      async (request) => myAlumni(ctx(request)),
    );
    app.put(
      '/me/alumni/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Write one’s alumni profile, consent per field and audience, mentor offer',
          params: RecordIdParams,
          body: ProfileBody,
          response: { 200: MyAlumni, ...errorResponses },
        },
      },
      async (request) => updateMyAlumniRecord(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/me/mentors',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The signed-in student’s coming stays and the returnees offered as mentors',
          response: { 200: MyMentors, ...errorResponses },
        },
      },
      async (request) => myMentors(ctx(request)),
    );
    app.put(
      '/me/mentors/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Ask for a mentor for one coming stay (opt-in), or withdraw the wish',
          params: StayIdParams,
          body: MenteeBody,
          response: { 200: MyMentors, ...errorResponses },
        },
      },
      async (request) => setMenteeWish(ctx(request), request.params.id, request.body),
    );
  };
