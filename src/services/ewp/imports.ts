/**
 * Importing a partner's EWP file: refused before parsing when unsafe (size, DTD, well-formedness),
 * validated against the official schema, mapped onto our records — institutions by SCHAC code,
 * mobilities and agreements by their ids — and shown as a preview with the differences against our
 * copy. Nothing changes until someone confirms; then everything is applied at once, or nothing,
 * and audited. A document naming an institution we do not know cannot be applied.
 *
 * Each partner keeps its own copy of an agreement (EWP): when we have ours, applying records the
 * partner's copy beside it (for the side-by-side comparison) and does not change ours; when we have
 * none, ours is created from theirs. Likewise a mobility, learning agreement or transcript we
 * already hold keeps our record, and the partner's copy is kept beside it.
 */
import { randomUUID } from 'node:crypto';
import {
  closeEwpImport,
  detailsOf,
  existingAgreementIds,
  findEwpImport,
  insertEwpImport,
  insertMobilityRecord,
  insertTranscriptRecord,
  institutionsByIds,
  mobilitiesForEwp,
  mobilityExists,
  upsertDetails,
  agreementsForEwp,
  type EwpImportRow,
} from '#src/db/queries/ewp.ts';
import { insertAgreement } from '#src/db/queries/agreements.ts';
import type { AgreementContent } from '#src/domain/agreement/agreement.ts';
import { isIscedF } from '#src/domain/agreement/isced.ts';
import type { AgreementEwpDetails, MobilityEwpDetails } from '#src/domain/ewp/details.ts';
import { EWP_CODES } from '#src/domain/ewp/refusal-codes.ts';
import { CREDIT_SYSTEMS, type CreditSystemId } from '#src/domain/recognition/credit-systems.ts';
import type { TranscriptEntry } from '#src/domain/recognition/recognition.ts';
import { refusal, type Refusal } from '#src/domain/shared/refusal.ts';
import { parseTranscripts, type Elmo, type ElmoLos } from '#src/interop/ewp/elmo.ts';
import {
  diffIias,
  iiaHash,
  parseIiasGetResponse,
  validForApproval,
  type FieldDifference,
  type Iia,
} from '#src/interop/ewp/iia.ts';
import { parseLasGetResponse, type LaDocument } from '#src/interop/ewp/la.ts';
import { parseOMobilitiesGetResponse, type OMobility } from '#src/interop/ewp/omobility.ts';
import { ROOTS, ewpSpecsDir, validateEwp, type EwpKind } from '#src/interop/ewp/schemas.ts';
import { checkXmlIntake, rootName } from '#src/interop/ewp/xml.ts';
import { institutionsResource, requireAccess, type Action } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ruleViolation, tooLarge } from '../errors.ts';
import { LEVEL_OF_EQF, iiaOf, oMobilityOf } from './mapping.ts';

export type ImportItem = {
  /** The document's own id (iia-id, omobility-id). */
  key: string;
  /** What applying does: create our record, or keep the partner's copy beside ours. */
  effect: 'create' | 'keep-partner-copy';
  /** Our record, when we hold one (or the id it will get). */
  recordId: string;
  differences: FieldDifference[];
  /** IIAs: whether the partner's iia-hash is the one its conditions give, and approvable. */
  hashMatches?: boolean;
  validForApproval?: boolean;
  /** Parts of the document our records do not hold (kept in the partner's copy only). */
  notMapped: string[];
};

export type ImportPreview = {
  id: string;
  kind: EwpKind;
  status: string;
  fileName: string | null;
  schemaChecked: boolean;
  unknownInstitutions: string[];
  /** What blocks applying (unknown institutions, a transcript without its mobility). */
  blockers: Refusal[];
  items: ImportItem[];
};

const ACTION_OF: Record<EwpKind, Action> = {
  iias: 'agreement:manage',
  omobilities: 'mobility:manage',
  las: 'mobility:manage',
  tors: 'mobility:manage',
  elmo: 'mobility:manage',
};

type Documents =
  | { kind: 'iias'; docs: Iia[] }
  | { kind: 'omobilities'; docs: OMobility[] }
  | { kind: 'las'; docs: LaDocument[] }
  | { kind: 'tors' | 'elmo'; docs: { omobilityId: string | null; elmo: Elmo }[] };

function parse(kind: EwpKind, xml: string): Documents {
  switch (kind) {
    case 'iias':
      return { kind, docs: parseIiasGetResponse(xml) };
    case 'omobilities':
      return { kind, docs: parseOMobilitiesGetResponse(xml) };
    case 'las':
      return { kind, docs: parseLasGetResponse(xml) };
    default:
      return { kind, docs: parseTranscripts(xml) };
  }
}

function heiIdsOf(d: Documents): string[] {
  switch (d.kind) {
    case 'iias':
      return d.docs.flatMap((i) => [
        ...i.partners.map((p) => p.heiId),
        ...i.conditions.flatMap((s) => [s.sendingHeiId, s.receivingHeiId]),
      ]);
    case 'omobilities':
      return d.docs.flatMap((m) => [m.sending.heiId, m.receiving.heiId]);
    case 'las':
      return d.docs.flatMap((l) => [l.sending.heiId, l.receiving.heiId]);
    default:
      return d.docs.flatMap((t) =>
        t.elmo.reports.flatMap((r) =>
          r.issuer.identifiers.filter((i) => i.type === 'schac').map((i) => i.value),
        ),
      );
  }
}

/** Simple field differences of two flat records. */
function diffFlat(
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
): FieldDifference[] {
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
  const s = (v: unknown) =>
    v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
  return keys
    .filter((k) => s(ours[k]) !== s(theirs[k]))
    .map((path) => ({ path, ours: s(ours[path]), theirs: s(theirs[path]) }));
}

const flatMobility = (m: OMobility) => ({
  'sending-hei': m.sending.heiId,
  'receiving-hei': m.receiving.heiId,
  'receiving-academic-year-id': m.receivingAcademicYear,
  'student.global-id': m.student.globalId,
  'student.given-names': m.student.givenNames.map((n) => n.text).join(' / '),
  'student.family-name': m.student.familyName.map((n) => n.text).join(' / '),
  status: m.status,
  'planned-arrival-date': m.plannedArrival,
  'planned-departure-date': m.plannedDeparture,
  'eqf-level-studied-at-nomination': m.eqfAtNomination,
  'nominee-isced-f-code': m.iscedCode,
});

async function buildPreview(
  ctx: ServiceContext,
  d: Documents,
  options: { mobilityId?: string | undefined },
): Promise<Pick<ImportPreview, 'unknownInstitutions' | 'blockers' | 'items'>> {
  const db = ctx.db;
  const heiIds = [...new Set(heiIdsOf(d).filter(Boolean))];
  const known = await institutionsByIds(db, heiIds);
  const unknownInstitutions = heiIds.filter((h) => !known.has(h));
  const blockers: Refusal[] = unknownInstitutions.map((heiId) =>
    refusal(EWP_CODES.unknownInstitution, { heiId }),
  );
  const items: ImportItem[] = [];
  if (d.kind === 'iias') {
    for (const iia of d.docs) {
      const ids = iia.partners.flatMap((p) => (p.iiaId ? [p.iiaId] : []));
      const [ourId] = await existingAgreementIds(db, ids);
      const notMapped = iia.conditions
        .filter((s) => s.kind !== 'student-studies')
        .map((s) => `${s.kind}-mobility-spec`);
      const item: ImportItem = {
        key: iia.partners.map((p) => p.iiaId ?? '').join(' / '),
        effect: ourId ? 'keep-partner-copy' : 'create',
        recordId: ourId ?? randomUUID(),
        differences: [],
        hashMatches: iia.hash === iiaHash(iia),
        validForApproval: validForApproval(iia),
        notMapped: [...new Set(notMapped)],
      };
      if (ourId) {
        const [a] = await agreementsForEwp(db, [ourId]);
        const det = (await detailsOf(db, 'agreement', [ourId])).get(ourId);
        if (a)
          item.differences = diffIias(iiaOf(a, (det?.details ?? {}) as AgreementEwpDetails), iia);
      }
      items.push(item);
    }
  } else if (d.kind === 'omobilities' || d.kind === 'las') {
    for (const doc of d.docs) {
      const key = 'id' in doc ? doc.id : doc.omobilityId;
      const exists = await mobilityExists(db, key);
      const item: ImportItem = {
        key,
        effect: exists ? 'keep-partner-copy' : 'create',
        recordId: exists ? key : /^[0-9a-f-]{36}$/i.test(key) ? key : randomUUID(),
        differences: [],
        notMapped:
          d.kind === 'las' ? ['learning agreement versions (kept as the partner’s copy)'] : [],
      };
      if (exists && d.kind === 'omobilities') {
        const [m] = await mobilitiesForEwp(db, [key]);
        const det = (await detailsOf(db, 'mobility', [key])).get(key);
        if (m) {
          const ours = oMobilityOf(
            m,
            known.get(m.hostId),
            (det?.details ?? {}) as MobilityEwpDetails,
          );
          item.differences = diffFlat(flatMobility(ours), flatMobility(doc as OMobility));
        }
      }
      items.push(item);
    }
  } else {
    for (const t of d.docs) {
      const key = t.omobilityId ?? options.mobilityId ?? '';
      const exists = key ? await mobilityExists(db, key) : false;
      if (!exists) {
        blockers.push(
          refusal(EWP_CODES.missingField, { field: 'omobility-id', record: key || '—' }),
        );
      }
      items.push({ key, effect: 'create', recordId: key, differences: [], notMapped: [] });
    }
  }
  if (!items.length) blockers.push(refusal(EWP_CODES.empty));
  return { unknownInstitutions, blockers, items };
}

function previewOf(row: EwpImportRow): ImportPreview {
  const p = row.preview as Omit<ImportPreview, 'id' | 'kind' | 'status' | 'fileName'>;
  return {
    ...p,
    id: row.id,
    kind: row.kind as EwpKind,
    status: row.status,
    fileName: row.fileName,
  };
}

/**
 * Reads a partner's file into a preview (nothing applied). Refuses an unsafe or invalid file
 * before anything is stored.
 */
export async function previewEwpImport(
  ctx: ServiceContext,
  input: { content: string; fileName?: string | undefined; mobilityId?: string | undefined },
): Promise<ImportPreview> {
  const intake = checkXmlIntake(input.content);
  if (!intake.ok) {
    if (intake.refusal.code === EWP_CODES.tooLarge) throw tooLarge(intake.refusal);
    throw ruleViolation([intake.refusal]);
  }
  const root = rootName(intake.xml) ?? '';
  const kind = ROOTS[root];
  if (!kind) throw ruleViolation([refusal(EWP_CODES.unknownKind, { root })]);
  const dir = ewpSpecsDir();
  if (dir) {
    const verdict = await validateEwp(intake.xml, kind, dir);
    if (!verdict.valid) throw ruleViolation(verdict.refusals);
  }
  const documents = parse(kind, intake.xml);
  const { unknownInstitutions, blockers, items } = await buildPreview(ctx, documents, input);
  const known = [...new Set(heiIdsOf(documents))].filter((h) => !unknownInstitutions.includes(h));
  requireAccess(ctx, ACTION_OF[kind], institutionsResource(known, 'ewp_import'), {
    doing: 'import this file',
  });
  const row = await ctx.db.transaction(async (tx) => {
    const r = await insertEwpImport(tx, {
      kind,
      fileName: input.fileName ?? null,
      documents: documents.docs,
      preview: { schemaChecked: !!dir, unknownInstitutions, blockers, items },
      institutionIds: known,
      createdBy: ctx.actor?.id ?? null,
    });
    await audit(tx, ctx, {
      action: 'ewp.import_previewed',
      resourceType: 'ewp_import',
      resourceId: r.id,
      details: { kind, items: items.length, unknownInstitutions },
    });
    return r;
  });
  return previewOf(row);
}

async function openImport(ctx: ServiceContext, id: string): Promise<EwpImportRow> {
  const row = await findEwpImport(ctx.db, id);
  if (!row) throw notFound('ewp_import', id);
  requireAccess(ctx, ACTION_OF[row.kind as EwpKind], {
    ...institutionsResource(row.institutionIds, 'ewp_import'),
    id,
  });
  return row;
}

export async function getEwpImport(ctx: ServiceContext, id: string): Promise<ImportPreview> {
  return previewOf(await openImport(ctx, id));
}

export async function discardEwpImport(ctx: ServiceContext, id: string): Promise<ImportPreview> {
  const row = await openImport(ctx, id);
  if (row.status !== 'preview') throw conflict(refusal(EWP_CODES.importClosed));
  await ctx.db.transaction(async (tx) => {
    await closeEwpImport(tx, id, 'discarded', ctx.actor?.id ?? null, ctx.clock.now());
    await audit(tx, ctx, {
      action: 'ewp.import_discarded',
      resourceType: 'ewp_import',
      resourceId: id,
    });
  });
  return { ...previewOf(row), status: 'discarded' };
}

const yearOf = (academicYear: string) => Number(academicYear.slice(0, 4));

/** Our agreement content from a partner's IIA (its student-studies conditions). */
export function agreementContentOf(iia: Iia): AgreementContent {
  const specs = iia.conditions.filter((s) => s.kind === 'student-studies');
  const all = iia.conditions.length ? iia.conditions : specs;
  const first = Math.min(...all.map((s) => yearOf(s.firstAcademicYear)));
  const last = Math.max(...all.map((s) => yearOf(s.lastAcademicYear)));
  const sideOf = (hei: string): 'A' | 'B' => (hei === iia.partners[0].heiId ? 'A' : 'B');
  const directions = (['A', 'B'] as const).flatMap((from) => {
    const mine = specs.filter((s) => sideOf(s.sendingHeiId) === from);
    if (!mine.length) return [];
    const levels = [
      ...new Set(mine.flatMap((s) => s.eqfLevels.map((q) => LEVEL_OF_EQF[q]))),
    ].filter((l): l is 'bachelor' | 'master' | 'doctor' => !!l);
    const quotas = new Map<number, { academicYear: number; students: number; months: number }>();
    for (const s of mine) {
      for (let y = yearOf(s.firstAcademicYear); y <= yearOf(s.lastAcademicYear); y++) {
        const q = quotas.get(y) ?? { academicYear: y, students: 0, months: 0 };
        q.students += s.mobilitiesPerYear;
        q.months += s.totalMonthsPerYear ?? 0;
        quotas.set(y, q);
      }
    }
    return [
      {
        from,
        levels: levels.length ? levels : (['bachelor', 'master'] as const).slice(),
        fields: [...new Set(mine.flatMap((s) => s.subjectAreas.map((a) => a.iscedCode)))].filter(
          isIscedF,
        ),
        languages: [
          ...new Map(
            mine
              .flatMap((s) => s.languageSkills)
              .filter((l) => /^[a-z]{2}$/.test(l.language) && l.cefrLevel)
              .map((l) => [l.language, { language: l.language, cefr: l.cefrLevel as 'B2' }]),
          ).values(),
        ],
        quotas: [...quotas.values()].sort((a, b) => a.academicYear - b.academicYear),
      },
    ];
  });
  const code = iia.partners.find((p) => p.iiaCode)?.iiaCode ?? iia.partners[0].iiaId ?? '';
  return {
    title: `${iia.partners[0].heiId} – ${iia.partners[1].heiId} ${code}`.trim(),
    validFrom: `${Number.isFinite(first) ? first : 2000}-09-01`,
    validTo: `${Number.isFinite(last) ? last + 1 : 2001}-08-31`,
    clauses: { tuitionWaiver: false, commonScreening: false, commonRecognition: false },
    directions,
  };
}

const STATUS_BACK: Record<string, string> = {
  nomination: 'nominated',
  live: 'departed',
  recognized: 'recognised',
  cancelled: 'withdrawn',
};

function monthsBetween(from: string, to: string): number {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return Math.max(0.5, Math.round((days / 30.44) * 2) / 2);
}

const schemeToSystem = (scheme: string): CreditSystemId =>
  (Object.values(CREDIT_SYSTEMS).find((s) => s.ewpScheme.toLowerCase() === scheme.toLowerCase())
    ?.id ?? 'ects') as CreditSystemId;

function transcriptEntriesOf(elmo: Elmo): TranscriptEntry[] {
  const flat: ElmoLos[] = [];
  const walk = (l: ElmoLos) => {
    if (l.type !== 'Degree Programme' && l.type !== 'Module') flat.push(l);
    l.parts.forEach(walk);
  };
  elmo.reports.forEach((r) => r.opportunities.forEach(walk));
  return flat.map((l, i) => {
    const code =
      l.identifiers.find((x) => x.type === 'local')?.value ??
      l.identifiers[0]?.value ??
      `los-${i + 1}`;
    const credit = l.instance.credits[0];
    return {
      componentId: code,
      hostCourseCode: code,
      status: l.instance.status ?? 'in-progress',
      grade: l.instance.resultLabel ?? null,
      gradeScaleId: l.instance.gradingSchemeLocalId ?? null,
      credits: { value: credit?.value ?? 0, system: schemeToSystem(credit?.scheme ?? 'ects') },
    };
  });
}

/** Applies a preview: everything at once or nothing, audited. */
export async function confirmEwpImport(ctx: ServiceContext, id: string): Promise<ImportPreview> {
  const row = await openImport(ctx, id);
  if (row.status !== 'preview') throw conflict(refusal(EWP_CODES.importClosed));
  const preview = previewOf(row);
  const unknown = preview.unknownInstitutions[0];
  if (unknown) throw ruleViolation([refusal(EWP_CODES.importBlocked, { heiId: unknown })]);
  if (preview.blockers.length) throw ruleViolation(preview.blockers);
  const kind = row.kind as EwpKind;
  await ctx.db.transaction(async (tx) => {
    const docs = row.documents;
    for (const [i, item] of preview.items.entries()) {
      const doc = docs[i];
      if (kind === 'iias') {
        const iia = doc as Iia;
        let recordId = item.recordId;
        const details: AgreementEwpDetails = {
          partnerIiaIds: { ...(iia.partners[1].iiaId ? { B: iia.partners[1].iiaId } : {}) },
          iiaCodes: {
            ...(iia.partners[0].iiaCode ? { A: iia.partners[0].iiaCode } : {}),
            ...(iia.partners[1].iiaCode ? { B: iia.partners[1].iiaCode } : {}),
          },
        };
        if (item.effect === 'create') {
          const created = await insertAgreement(
            tx,
            {
              partyAType: 'institution',
              partyAId: iia.partners[0].heiId,
              partyBType: 'institution',
              partyBId: iia.partners[1].heiId,
              status: 'draft',
            },
            {
              content: agreementContentOf(iia),
              createdBy: ctx.actor?.id ?? null,
              changeNote: 'EWP import',
            },
          );
          recordId = created!;
          if (iia.partners[0].iiaId)
            details.partnerIiaIds = { ...details.partnerIiaIds, A: iia.partners[0].iiaId };
        } else {
          const prev = (await detailsOf(tx, 'agreement', [recordId])).get(recordId)?.details ?? {};
          Object.assign(details, prev);
        }
        await upsertDetails(tx, 'agreement', recordId, details as Record<string, unknown>, iia);
        await audit(tx, ctx, {
          action: item.effect === 'create' ? 'ewp.agreement_imported' : 'ewp.partner_copy_kept',
          resourceType: 'agreement',
          resourceId: recordId,
          details: { import: id, partnerIiaIds: iia.partners.map((p) => p.iiaId ?? null) },
        });
      } else if (kind === 'omobilities' || kind === 'las') {
        const m = doc as OMobility | LaDocument;
        const isLa = kind === 'las';
        const o = isLa ? null : (m as OMobility);
        const la = isLa ? (m as LaDocument) : null;
        if (item.effect === 'create') {
          const start =
            o?.plannedArrival ??
            (la?.start.length === 7 ? `${la.start}-01` : la?.start) ??
            `${yearOf(o?.receivingAcademicYear ?? '2000')}-09-01`;
          const end =
            o?.plannedDeparture ?? (la?.end.length === 7 ? `${la.end}-28` : la?.end) ?? start;
          const eqf = o?.eqfAtNomination ?? o?.eqfAtDeparture ?? la?.eqfAtDeparture;
          const given = o ? o.student.givenNames[0]?.text : la!.student.givenNames;
          const family = o ? o.student.familyName[0]?.text : la!.student.familyName;
          await insertMobilityRecord(tx, {
            id: item.recordId,
            homeId: o?.sending.heiId ?? la!.sending.heiId,
            hostId: o?.receiving.heiId ?? la!.receiving.heiId,
            agreementId: null,
            studentName: [given, family].filter(Boolean).join(' ') || '—',
            level: (eqf && LEVEL_OF_EQF[eqf]) || 'bachelor',
            startDate: start,
            months: monthsBetween(start, end),
            status: STATUS_BACK[o?.status ?? 'nomination'] ?? 'nominated',
          });
        }
        const details: MobilityEwpDetails = o
          ? {
              student: {
                ...(o.student.givenNames[0] ? { givenNames: o.student.givenNames[0].text } : {}),
                ...(o.student.familyName[0] ? { familyName: o.student.familyName[0].text } : {}),
                globalId: o.student.globalId,
                ...(o.student.birthDate ? { birthDate: o.student.birthDate } : {}),
                ...(o.student.citizenship ? { citizenship: o.student.citizenship } : {}),
                ...(o.student.gender !== undefined ? { gender: o.student.gender } : {}),
                ...(o.student.email ? { email: o.student.email } : {}),
              },
              ...(o.iscedCode ? { iscedCode: o.iscedCode } : {}),
              ...(o.languageSkills[0]?.cefrLevel
                ? {
                    languageSkill: {
                      language: o.languageSkills[0].language,
                      cefrLevel: o.languageSkills[0].cefrLevel,
                    },
                  }
                : {}),
              ...(o.sendingTermId ? { sendingTermId: o.sendingTermId } : {}),
              ...(o.sending.ounitId ? { sendingOunitId: o.sending.ounitId } : {}),
              ...(o.receiving.ounitId ? { receivingOunitId: o.receiving.ounitId } : {}),
            }
          : {
              student: { ...la!.student },
              iscedCode: la!.iscedCode,
              ...(la!.iscedClarification ? { iscedClarification: la!.iscedClarification } : {}),
              languageSkill: la!.languageSkill,
              eqfLevel: la!.eqfAtDeparture,
              sendingContact: la!.sending.contact,
              receivingContact: la!.receiving.contact,
            };
        const prev = (await detailsOf(tx, 'mobility', [item.recordId])).get(item.recordId);
        const merged = { ...(prev?.details ?? {}), ...details } as Record<string, unknown>;
        await upsertDetails(
          tx,
          'mobility',
          item.recordId,
          merged,
          isLa ? (prev?.partnerCopy ?? null) : o,
        );
        if (isLa) await upsertDetails(tx, 'learning-agreement', item.recordId, {}, la);
        await audit(tx, ctx, {
          action: item.effect === 'create' ? 'ewp.mobility_imported' : 'ewp.partner_copy_kept',
          resourceType: 'mobility',
          resourceId: item.recordId,
          details: { import: id, kind },
        });
      } else {
        const t = doc as { omobilityId: string | null; elmo: Elmo };
        const [m] = await mobilitiesForEwp(tx, [item.recordId]);
        if (m && !m.transcript) {
          await insertTranscriptRecord(tx, {
            mobilityId: item.recordId,
            entries: transcriptEntriesOf(t.elmo),
            issuedOn:
              t.elmo.reports[0]?.issueDate.slice(0, 10) ??
              ctx.clock.now().toISOString().slice(0, 10),
          });
        }
        await upsertDetails(tx, 'transcript', item.recordId, {}, t.elmo);
        await audit(tx, ctx, {
          action: 'ewp.transcript_imported',
          resourceType: 'mobility',
          resourceId: item.recordId,
          details: { import: id },
        });
      }
    }
    await closeEwpImport(tx, id, 'applied', ctx.actor?.id ?? null, ctx.clock.now());
    await audit(tx, ctx, {
      action: 'ewp.import_applied',
      resourceType: 'ewp_import',
      resourceId: id,
    });
  });
  return { ...preview, status: 'applied' };
}
