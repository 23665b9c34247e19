/**
 * Our records as EWP files that people download: an agreement (IIAs v7), a mobility
 * (OMobilities v2), its learning agreement (OMobility LAs v1) and its transcript (ELMO). Who may
 * download is who may act on the record: an agreement's coordinators (its content is written for
 * the partner's system, with its contacts), a mobility's readers (the student themself, the
 * coordinators and officers who read its page). A record lacking what the specifications make
 * mandatory is refused (422) with refusals naming each missing field.
 */
import { agreementsForEwp } from '#src/db/queries/ewp.ts';
import { agreementPartiesResource, requireAccess, type AgreementParty } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { loadMobility, loadScope, mobilityResourceOf } from '../mobility/actors.ts';
import { buildLasGetResponse } from '#src/interop/ewp/la.ts';
import { elmoDocument, iiasGetResponse, lasOf, omobilitiesGetResponse } from './documents.ts';

export type EwpFile = { filename: string; xml: string };

const todayOf = (ctx: ServiceContext) => ctx.clock.now().toISOString().slice(0, 10);

const partyOf = (type: string, id: string): AgreementParty =>
  type === 'institution' ? { type: 'institution', id } : { type: 'consortium', id };

/** An agreement as an IIAs v7 get-response, for its coordinators. */
export async function agreementEwpFile(ctx: ServiceContext, id: string): Promise<EwpFile> {
  const [row] = await agreementsForEwp(ctx.db, [id]);
  if (!row) throw notFound('agreement', id);
  requireAccess(
    ctx,
    'agreement:manage',
    {
      ...agreementPartiesResource([
        partyOf(row.partyAType, row.partyAId),
        partyOf(row.partyBType, row.partyBId),
      ]),
      id,
    },
    { doing: 'export this agreement' },
  );
  return { filename: `iia-${id}.xml`, xml: await iiasGetResponse(ctx.db, [id]) };
}

/** The mobility, after checking the reader may read it (as its page does). */
async function readableMobility(ctx: ServiceContext, id: string): Promise<void> {
  const row = await loadMobility(ctx.db, id);
  const scope = await loadScope(ctx.db, row, todayOf(ctx));
  requireAccess(ctx, 'person:read', mobilityResourceOf(scope));
}

/** A mobility as an OMobilities v2 get-response. */
export async function mobilityEwpFile(ctx: ServiceContext, id: string): Promise<EwpFile> {
  await readableMobility(ctx, id);
  return { filename: `omobility-${id}.xml`, xml: await omobilitiesGetResponse(ctx.db, [id]) };
}

/** A mobility's learning agreement as an OMobility LAs v1 get-response; 404 when it has none. */
export async function learningAgreementEwpFile(ctx: ServiceContext, id: string): Promise<EwpFile> {
  await readableMobility(ctx, id);
  const las = await lasOf(ctx.db, [id]);
  if (!las.length) throw notFound('learning_agreement', id);
  return { filename: `learning-agreement-${id}.xml`, xml: buildLasGetResponse(las) };
}

/** A mobility's transcript as an ELMO document; 404 when it has none. */
export async function transcriptEwpFile(ctx: ServiceContext, id: string): Promise<EwpFile> {
  await readableMobility(ctx, id);
  const xml = await elmoDocument(ctx.db, id, ctx.clock.now());
  if (!xml) throw notFound('transcript', id);
  return { filename: `transcript-${id}.xml`, xml };
}
