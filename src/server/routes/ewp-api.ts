import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import {
  hostInstitution,
  iiaIndex,
  mobilityIndex,
  readableIias,
  readableMobilities,
  type MobilityFilter,
} from '#src/db/queries/ewp-host.ts';
import {
  acceptSignature,
  publicKeyDer,
  signResponse,
  verifyRequest,
  type RequestFailure,
} from '#src/interop/ewp/security/httpsig.ts';
import type { CatalogueKey } from '#src/interop/ewp/security/catalogue.ts';
import type { Clock } from '#src/services/clock.ts';
import type { EwpHostConfig } from '#src/services/ewp-host/config.ts';
import type { EwpDocuments } from '#src/services/ewp-host/documents.ts';
import {
  EwpParamError,
  academicYear,
  ids,
  modifiedSince,
  single,
  values,
  type EwpParams,
} from '#src/services/ewp-host/params.ts';
import {
  EWP_PATHS,
  echoResponseXml,
  errorResponseXml,
  indexResponseXml,
  manifestXml,
} from '#src/services/ewp-host/responses.ts';
import {
  EchoParams,
  IiasGetParams,
  IiasIndexParams,
  MobilityGetParams,
  MobilityIndexParams,
  xmlResponses,
} from './ewp-api.schema.ts';

/**
 * The Erasmus Without Paper APIs of a deployment that is an EWP host: the Discovery manifest,
 * Echo, and the index/get endpoints of IIAs v7, OMobilities v2 and OMobility LAs v1. Partners
 * authenticate with HTTP Signatures (cliauth-httpsig), not with a session; responses are signed
 * when the partner asks (srvauth-httpsig). Without a host configuration every route answers 404.
 */
export interface EwpApiOptions {
  db: Db;
  host: EwpHostConfig | null;
  documents: EwpDocuments;
  clock: Clock;
}

/** What each failed check answers: 401 for authentication, 400 for a malformed request id. */
const FAILURE_STATUS: Record<RequestFailure, number> = {
  unsigned: 401,
  algorithm: 401,
  headers_not_signed: 401,
  host: 401,
  unknown_key: 401,
  date: 401,
  signature: 401,
  digest: 401,
  request_id: 400,
};

const XML = 'application/xml; charset=utf-8';
/** Form parameters are short; a partner sending more is refused. */
const BODY_LIMIT = 64 * 1024;

interface Caller {
  client: CatalogueKey;
  /** The `signature` of the request's Authorization, for X-Request-Signature. */
  signature: string;
}

/** Parses `a=1&a=2&b=3` into { a: ['1', '2'], b: '3' }. */
function formParams(text: string): EwpParams {
  const out: EwpParams = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

function merged(...sources: unknown[]): EwpParams {
  const out: EwpParams = {};
  for (const source of sources) {
    if (!source || typeof source !== 'object') continue;
    for (const [k, v] of Object.entries(source as EwpParams)) {
      if (v === undefined) continue;
      const had = out[k];
      const more = Array.isArray(v) ? v : [v];
      out[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), ...more];
    }
  }
  return out;
}

export function ewpApiRoutes(options: EwpApiOptions) {
  const { db, host, documents, clock } = options;
  const expectedHost = host ? new URL(host.baseUrl).host : '';
  const rawBodies = new WeakMap<FastifyRequest, Buffer>();
  const callers = new WeakMap<FastifyRequest, Caller>();

  const sendXml = (reply: FastifyReply, status: number, xml: string) =>
    reply.status(status).header('content-type', XML).send(xml);
  const sendError = (reply: FastifyReply, status: number, message: string) =>
    sendXml(reply, status, errorResponseXml(message));

  const callerOf = (request: FastifyRequest): Caller => {
    const caller = callers.get(request);
    if (!caller) throw new Error('an EWP handler ran without an authenticated caller');
    return caller;
  };

  /** cliauth-httpsig: the partner's signature, key, date, request id and digest. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    if (!host) return reply;
    const keys = await host.registry.keys();
    const result = verifyRequest({
      method: request.method,
      target: request.url,
      headers: request.headers,
      body: rawBodies.get(request),
      expectedHost,
      now: clock.now(),
      lookupKey: (keyId) => keys.clients.get(keyId) ?? null,
    });
    if (!result.ok) {
      request.log.info({ reason: result.reason }, 'EWP request not authenticated');
      const status = FAILURE_STATUS[result.reason];
      if (status === 401) {
        reply.header('www-authenticate', 'Signature realm="EWP"').header('want-digest', 'SHA-256');
      }
      return sendError(reply, status, result.message);
    }
    callers.set(request, { client: result.client, signature: result.params.signature });
  }

  return async (app: FastifyInstance) => {
    const api = app.withTypeProvider<ZodTypeProvider>();

    // The digest is over the bytes received: every body is kept as it came, and form parameters
    // are read from it.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
      (request, body, done) => {
        const buffer = body as Buffer;
        rawBodies.set(request, buffer);
        const type = request.headers['content-type'] ?? '';
        done(
          null,
          /^application\/x-www-form-urlencoded\b/i.test(type)
            ? formParams(buffer.toString('utf8'))
            : {},
        );
      },
    );

    app.addHook('onRequest', async (request, reply) => {
      if (!host) {
        reply.callNotFound();
        return reply;
      }
      if (acceptSignature(request.headers) === 'unsupported') {
        return sendError(reply, 400, 'Accept-Signature must list rsa-sha256, the one we sign with');
      }
    });

    // srvauth-httpsig: a response the partner asked to be signed carries Date, Digest,
    // X-Request-Id, X-Request-Signature and a Signature over them. Errors are signed too.
    app.addHook('onSend', async (request, reply, payload) => {
      if (!host || acceptSignature(request.headers) !== 'rsa-sha256') return payload;
      const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : '';
      const own = reply.getHeader('x-request-id');
      const asked = request.headers['x-request-id'];
      const signed = signResponse({
        headers: {},
        body,
        now: clock.now(),
        privateKey: host.privateKey,
        requestId: typeof asked === 'string' ? asked : typeof own === 'string' ? own : undefined,
        requestSignature: callers.get(request)?.signature,
      });
      for (const [name, value] of Object.entries(signed)) reply.header(name, value);
      return payload;
    });

    app.setErrorHandler((error: Error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      if (error instanceof EwpParamError) return sendError(reply, 400, error.message);
      if (
        (error as { validation?: unknown }).validation ||
        (status && status >= 400 && status < 500)
      ) {
        return sendError(reply, status === 413 ? 413 : 400, error.message);
      }
      if ((error as { code?: string }).code === 'validation_failed') {
        return sendError(reply, 400, error.message);
      }
      request.log.error({ err: error }, 'EWP endpoint failed');
      return sendError(reply, 500, 'internal error; try again later');
    });

    const tags = ['ewp'];

    api.get(
      EWP_PATHS.manifest,
      {
        schema: {
          tags,
          summary: 'EWP Discovery v6 manifest: APIs implemented, institution covered, keys',
          response: { 200: xmlResponses[200] },
        },
      },
      async (_request, reply) => {
        const config = host!;
        const hei = await hostInstitution(db, config.heiId);
        const names = hei
          ? (['en', 'fr', 'ja', 'ru'] as const)
              .filter((l) => hei.names[l])
              .map((lang) => ({ lang, value: hei.names[lang]! }))
          : [];
        if (hei && !names.some((n) => n.lang === 'en'))
          names.unshift({ lang: 'en', value: hei.name });
        return sendXml(
          reply,
          200,
          manifestXml({
            baseUrl: config.baseUrl,
            adminEmails: config.adminEmails,
            adminProvider: config.adminProvider,
            hei: { id: config.heiId, names, erasmusCode: hei?.erasmusCode, pic: hei?.pic },
            serverKeys: [publicKeyDer(config.privateKey).toString('base64')],
            maxIds: config.maxIds,
          }),
        );
      },
    );

    /** One EWP endpoint on GET (query) and POST (form body), behind the signature check. */
    function endpoint<S extends z.ZodType>(
      path: string,
      summary: string,
      params: S,
      handle: (p: EwpParams, caller: Caller) => Promise<string>,
    ) {
      const run = async (request: FastifyRequest, reply: FastifyReply) =>
        sendXml(reply, 200, await handle(merged(request.query, request.body), callerOf(request)));
      api.get(
        path,
        {
          preValidation: authenticate,
          schema: { tags, summary, querystring: params, response: xmlResponses },
        },
        run,
      );
      api.post(
        path,
        {
          preValidation: authenticate,
          bodyLimit: BODY_LIMIT,
          schema: {
            tags,
            summary,
            consumes: ['application/x-www-form-urlencoded'],
            body: params.optional(),
            response: xmlResponses,
          },
        },
        run,
      );
    }

    endpoint(
      EWP_PATHS.echo,
      'EWP Echo v2: the caller’s institutions as we see them',
      EchoParams,
      async (p, caller) => echoResponseXml(caller.client.heiIds, values(p, 'echo')),
    );

    endpoint(
      EWP_PATHS.iiasIndex,
      'EWP IIAs v7 index: the agreements with the caller’s institutions',
      IiasIndexParams,
      async (p, caller) => {
        const years = values(p, 'receiving_academic_year_id').map(academicYear);
        const since = modifiedSince(p);
        const list = await iiaIndex(db, {
          ownHei: host!.heiId,
          callerHeis: caller.client.heiIds,
          ...(since ? { modifiedSince: since } : {}),
          years,
        });
        return indexResponseXml('iias', list);
      },
    );

    endpoint(EWP_PATHS.iiasGet, 'EWP IIAs v7 get', IiasGetParams, async (p, caller) => {
      const asked = ids(p, 'iia_id', host!.maxIds);
      const readable = await readableIias(db, {
        ownHei: host!.heiId,
        callerHeis: caller.client.heiIds,
        ids: asked,
      });
      return documents.iias(db, readable);
    });

    /** The filter of the OMobilities and LAs endpoints; null when we are not the sender. */
    const mobilityFilter = (
      p: EwpParams,
      caller: Caller,
      withLa: boolean,
    ): MobilityFilter | null => {
      const sending = single(p, 'sending_hei_id', true)!;
      const receiving =
        p.receiving_hei_id === undefined ? undefined : values(p, 'receiving_hei_id');
      const year = single(p, 'receiving_academic_year_id');
      const since = modifiedSince(p);
      if (sending !== host!.heiId) return null;
      return {
        ownHei: host!.heiId,
        callerHeis: caller.client.heiIds,
        withLearningAgreement: withLa,
        ...(receiving ? { receivingHeis: receiving } : {}),
        ...(year ? { year: academicYear(year) } : {}),
        ...(since ? { modifiedSince: since } : {}),
      };
    };

    for (const [apiName, withLa, indexPath, getPath, getDocs] of [
      [
        'omobilities',
        false,
        EWP_PATHS.omobilitiesIndex,
        EWP_PATHS.omobilitiesGet,
        documents.omobilities,
      ],
      ['omobility-las', true, EWP_PATHS.lasIndex, EWP_PATHS.lasGet, documents.omobilityLas],
    ] as const) {
      const label = apiName === 'omobilities' ? 'OMobilities v2' : 'OMobility LAs v1';
      endpoint(
        indexPath,
        `EWP ${label} index: what we send to the caller’s institutions`,
        MobilityIndexParams,
        async (p, caller) => {
          const filter = mobilityFilter(p, caller, withLa);
          return indexResponseXml(apiName, filter ? await mobilityIndex(db, filter) : []);
        },
      );
      endpoint(getPath, `EWP ${label} get`, MobilityGetParams, async (p, caller) => {
        const asked = ids(p, 'omobility_id', host!.maxIds);
        // The index's filters are no parameters of get: only the sender counts.
        const filter = mobilityFilter({ sending_hei_id: p.sending_hei_id }, caller, withLa);
        const readable = filter ? await readableMobilities(db, { ...filter, ids: asked }) : [];
        return getDocs.call(documents, db, readable);
      });
    }
  };
}
