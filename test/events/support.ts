/** A small world for the events tests: an organising university, its coordinator, people. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '#src/db/client.ts';
import { aUser, anInstitution, asHeaders, signedInAs } from '#test/factories/index.ts';

export type As = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => Promise<LightMyRequestResponse>;

export async function personAs(app: FastifyInstance, user: { email: string }): Promise<As> {
  const session = await signedInAs(app, user);
  return (method, url, payload) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: asHeaders(session),
      ...(payload ? { payload } : {}),
    });
}

export const anonymous =
  (app: FastifyInstance): As =>
  (method, url, payload) =>
    app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

export async function anOrganiser(db: Db) {
  const university = await anInstitution(db);
  const coordinator = await aUser(db, { roles: [{ role: 'coordinator', scopeId: university.id }] });
  return { university, coordinator };
}

/** The body of a two-day event of `university` in Tokyo's zone. */
export const eventBody = (universityId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'symposium',
  title: { en: 'Symposium on preventive medicine', ja: '予防医学シンポジウム' },
  timeZone: 'Asia/Tokyo',
  startsOn: '2030-09-29',
  endsOn: '2030-09-30',
  mode: 'hybrid',
  city: 'Kanazawa',
  organisers: [{ type: 'institution', id: universityId }],
  ...extra,
});
