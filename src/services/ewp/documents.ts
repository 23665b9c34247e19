/**
 * EWP get-response documents of our records, as the EWP APIs serve them and as people download
 * them: ids are our record ids, unknown ids are dropped silently (EWP semantics). Before a
 * document is produced, what the specifications make mandatory is checked; a record that lacks
 * it is refused with `ewp.missing_field` naming the field, never written as invalid XML.
 */
import type { Db } from '#src/db/client.ts';
import {
  agreementsForEwp,
  detailsOf,
  institutionsByIds,
  mobilitiesForEwp,
  type MobilityForEwp,
} from '#src/db/queries/ewp.ts';
import type { AgreementEwpDetails, MobilityEwpDetails } from '#src/domain/ewp/details.ts';
import { EWP_CODES } from '#src/domain/ewp/refusal-codes.ts';
import { refusal, type Refusal } from '#src/domain/shared/refusal.ts';
import { buildElmo, checkElmo, type Elmo } from '#src/interop/ewp/elmo.ts';
import { buildIiasGetResponse, checkIia, type Iia } from '#src/interop/ewp/iia.ts';
import { buildLasGetResponse, checkLa, type LaDocument } from '#src/interop/ewp/la.ts';
import {
  buildOMobilitiesGetResponse,
  checkOMobility,
  type OMobility,
} from '#src/interop/ewp/omobility.ts';
import { ruleViolation } from '../errors.ts';
import { elmoOf, iiaOf, laOf, oMobilityOf } from './mapping.ts';

/** Throws the refusals of the checks, if any (422 `rule_violation`, each naming its field). */
function refuseIf(refusals: readonly Refusal[]): void {
  if (refusals.length) throw ruleViolation(refusals);
}

/** How a refusal names the record: the agreement's title, the student's name. */
const agreementLabel = (title: string) => title;
const mobilityLabel = (m: MobilityForEwp) => m.studentName;

/** Our agreements as EWP IIAs, checked (unknown ids dropped). */
export async function iiasOf(db: Db, agreementIds: string[]): Promise<Iia[]> {
  const rows = await agreementsForEwp(db, agreementIds);
  const details = await detailsOf(
    db,
    'agreement',
    rows.map((r) => r.id),
  );
  const refusals: Refusal[] = [];
  const iias = rows.map((a) => {
    if (a.partyAType !== 'institution' || a.partyBType !== 'institution') {
      refusals.push(refusal(EWP_CODES.notBilateral, { record: agreementLabel(a.content.title) }));
    }
    const iia = iiaOf(a, (details.get(a.id)?.details ?? {}) as AgreementEwpDetails);
    refusals.push(...checkIia(iia, agreementLabel(a.content.title)));
    return iia;
  });
  refuseIf(refusals);
  return iias;
}

async function loadMobilities(db: Db, ids: string[]) {
  const rows = await mobilitiesForEwp(db, ids);
  const hosts = await institutionsByIds(
    db,
    rows.flatMap((r) => [r.hostId, r.homeId]),
  );
  const details = await detailsOf(
    db,
    'mobility',
    rows.map((r) => r.id),
  );
  return rows.map((m) => ({
    m,
    host: hosts.get(m.hostId),
    details: (details.get(m.id)?.details ?? {}) as MobilityEwpDetails,
  }));
}

export async function oMobilitiesOf(db: Db, mobilityIds: string[]): Promise<OMobility[]> {
  const loaded = await loadMobilities(db, mobilityIds);
  const refusals: Refusal[] = [];
  const out = loaded.map(({ m, host, details }) => {
    const o = oMobilityOf(m, host, details);
    refusals.push(...checkOMobility(o, mobilityLabel(m)));
    return o;
  });
  refuseIf(refusals);
  return out;
}

/** Learning agreements of the mobilities (those without one dropped). */
export async function lasOf(db: Db, mobilityIds: string[]): Promise<LaDocument[]> {
  const loaded = await loadMobilities(db, mobilityIds);
  const refusals: Refusal[] = [];
  const out = loaded.flatMap(({ m, host, details }) => {
    const la = laOf(m, host, details);
    if (!la) return [];
    refusals.push(...checkLa(la, mobilityLabel(m)));
    return [la];
  });
  refuseIf(refusals);
  return out;
}

/** The transcript of a mobility as ELMO, or null when it has none (or is unknown). */
export async function transcriptOf(
  db: Db,
  mobilityId: string,
  generatedAt: Date,
): Promise<Elmo | null> {
  const [loaded] = await loadMobilities(db, [mobilityId]);
  if (!loaded) return null;
  const elmo = elmoOf(loaded.m, loaded.host, loaded.details, generatedAt.toISOString());
  if (!elmo) return null;
  refuseIf(checkElmo(elmo, mobilityLabel(loaded.m)));
  return elmo;
}

export async function iiasGetResponse(db: Db, agreementIds: string[]): Promise<string> {
  return buildIiasGetResponse(await iiasOf(db, agreementIds));
}

export async function omobilitiesGetResponse(db: Db, mobilityIds: string[]): Promise<string> {
  return buildOMobilitiesGetResponse(await oMobilitiesOf(db, mobilityIds));
}

export async function omobilityLasGetResponse(db: Db, mobilityIds: string[]): Promise<string> {
  return buildLasGetResponse(await lasOf(db, mobilityIds));
}

/** A transcript as an ELMO document, or null. */
export async function elmoDocument(
  db: Db,
  mobilityId: string,
  generatedAt: Date,
): Promise<string | null> {
  const elmo = await transcriptOf(db, mobilityId, generatedAt);
  return elmo ? buildElmo(elmo) : null;
}
