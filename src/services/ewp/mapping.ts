/**
 * Our records as EWP data: an agreement as an IIA (one cooperation condition per direction and
 * run of academic years with the same quota), a mobility as an outgoing mobility, its learning
 * agreement with versions and signatures, its transcript as ELMO with our grade scales declared as
 * grading schemes. Pure: the records come loaded.
 */
import type { AgreementForEwp, InstitutionRecord, MobilityForEwp } from '#src/db/queries/ewp.ts';
import type {
  AgreementEwpDetails,
  EwpPerson,
  MobilityEwpDetails,
} from '#src/domain/ewp/details.ts';
import { CREDIT_SYSTEMS } from '#src/domain/recognition/credit-systems.ts';
import { GRADE_SCALES } from '#src/domain/recognition/grade-scales.ts';
import type { LaComponent, LaVersion } from '#src/domain/recognition/learning-agreement.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import type { EwpContact } from '#src/interop/ewp/common.ts';
import type { Elmo, ElmoLos } from '#src/interop/ewp/elmo.ts';
import { canonicalIia, type Iia, type MobilitySpec } from '#src/interop/ewp/iia.ts';
import type {
  ComponentList,
  LaComponentXml,
  LaDocument,
  LaInstitution,
  LaSignatureXml,
  LaVersionXml,
} from '#src/interop/ewp/la.ts';
import { esi, type OMobility, type OMobilityStatus } from '#src/interop/ewp/omobility.ts';

export const EQF_OF_LEVEL: Readonly<Record<string, number>> = { bachelor: 6, master: 7, doctor: 8 };
export const LEVEL_OF_EQF: Readonly<Record<number, 'bachelor' | 'master' | 'doctor'>> = {
  6: 'bachelor',
  7: 'master',
  8: 'doctor',
};

const academicYear = (start: number) => `${start}/${start + 1}`;

export function contactOf(p: EwpPerson): EwpContact {
  const full = p.name ?? [p.givenNames, p.familyName].filter(Boolean).join(' ');
  const c: EwpContact = { names: full ? [{ text: full }] : [], emails: p.email ? [p.email] : [] };
  if (p.givenNames) c.givenNames = p.givenNames;
  if (p.familyName) c.familyName = p.familyName;
  if (p.phone) c.phone = { e164: p.phone };
  return c;
}

/**
 * An agreement as an IIA: party A is the first partner, its `iia-id` the agreement's id. Each
 * direction gives one condition per run of consecutive academic years with equal quotas (EWP
 * has one number of mobilities and months per condition); years without quotas take the
 * agreement's validity.
 */
export function iiaOf(a: AgreementForEwp, details: AgreementEwpDetails = {}): Iia {
  const party = (key: 'A' | 'B') => (key === 'A' ? a.partyAId : a.partyBId);
  const partners = (['A', 'B'] as const).map((k) => {
    const sig = a.signatures.find((s) => s.party === k);
    const p: Iia['partners'][number] = {
      heiId: party(k),
      contacts: (details.contacts?.[k] ?? []).map(contactOf),
    };
    const id = k === 'A' ? a.id : details.partnerIiaIds?.B;
    if (id) p.iiaId = id;
    const code = details.iiaCodes?.[k];
    if (code) p.iiaCode = code;
    const ounit = details.ounitIds?.[k];
    if (ounit) p.ounitId = ounit;
    if (sig) {
      p.signingContact = { names: [{ text: sig.signatory }], emails: [] };
      p.signingDate = sig.signedOn;
    }
    return p;
  }) as Iia['partners'];
  const conditions: MobilitySpec[] = [];
  const fromYear = Number(a.content.validFrom.slice(0, 4));
  const toYear = Number(a.content.validTo.slice(0, 4));
  for (const d of a.content.directions) {
    const sending = d.from;
    const receiving = d.from === 'A' ? 'B' : 'A';
    const base = {
      kind: 'student-studies' as const,
      sendingHeiId: party(sending),
      sendingContacts: [],
      receivingHeiId: party(receiving),
      receivingContacts: [],
      languageSkills: d.languages.map((l) => ({ language: l.language, cefrLevel: l.cefr })),
      subjectAreas: d.fields.map((f) => ({ iscedCode: f })),
      blended: false,
      eqfLevels: d.levels.map((l) => EQF_OF_LEVEL[l]!).filter(Boolean),
      ...(details.ounitIds?.[sending] ? { sendingOunitId: details.ounitIds[sending] } : {}),
      ...(details.ounitIds?.[receiving] ? { receivingOunitId: details.ounitIds[receiving] } : {}),
    };
    const quotas = [...d.quotas]
      .filter((q) => q.students > 0)
      .sort((x, y) => x.academicYear - y.academicYear);
    if (!quotas.length) {
      conditions.push({
        ...base,
        firstAcademicYear: academicYear(fromYear),
        lastAcademicYear: academicYear(Math.max(fromYear, toYear - 1)),
        mobilitiesPerYear: 0,
      });
      continue;
    }
    let run = [quotas[0]!];
    const flush = () => {
      const q = run[0]!;
      const spec: MobilitySpec = {
        ...base,
        firstAcademicYear: academicYear(q.academicYear),
        lastAcademicYear: academicYear(run[run.length - 1]!.academicYear),
        mobilitiesPerYear: q.students,
      };
      if (q.months > 0) spec.totalMonthsPerYear = q.months;
      conditions.push(spec);
    };
    for (const q of quotas.slice(1)) {
      const last = run[run.length - 1]!;
      if (
        q.academicYear === last.academicYear + 1 &&
        q.students === last.students &&
        q.months === last.months
      ) {
        run.push(q);
      } else {
        flush();
        run = [q];
      }
    }
    flush();
  }
  return canonicalIia({ partners, inEffect: a.status !== 'draft', conditions });
}

const STATUS: Readonly<Record<string, OMobilityStatus>> = {
  nominated: 'nomination',
  accepted: 'nomination',
  la_signed: 'nomination',
  departed: 'live',
  arrived: 'live',
  completed: 'live',
  transcript_issued: 'live',
  recognised: 'recognized',
  refused: 'cancelled',
  withdrawn: 'cancelled',
  interrupted: 'cancelled',
};

/** The academic year a stay falls in, in the receiving institution's calendar (April in Japan). */
export function receivingYearOf(startDate: string, hostCountry: string): string {
  const y = Number(startDate.slice(0, 4));
  const m = Number(startDate.slice(5, 7));
  const firstMonth = hostCountry === 'JP' ? 4 : 8;
  return academicYear(m >= firstMonth ? y : y - 1);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const whole = Math.floor(months);
  d.setUTCMonth(d.getUTCMonth() + whole);
  d.setUTCDate(d.getUTCDate() + Math.round((months - whole) * 30));
  return d.toISOString().slice(0, 10);
}

/** The student's names as EWP splits them: our details, else the Latin name (family name last). */
export function studentNamesOf(
  m: MobilityForEwp,
  details: MobilityEwpDetails,
): { given?: string; family?: string } {
  if (details.student?.givenNames || details.student?.familyName) {
    return { given: details.student.givenNames, family: details.student.familyName };
  }
  const latin = (m.studentNames?.latin ?? m.studentName).trim().split(/\s+/);
  if (latin.length < 2) return {};
  return { given: latin.slice(0, -1).join(' '), family: latin[latin.length - 1] };
}

export function oMobilityOf(
  m: MobilityForEwp,
  host: InstitutionRecord | undefined,
  details: MobilityEwpDetails = {},
): OMobility {
  const names = studentNamesOf(m, details);
  const s = details.student ?? {};
  const student: OMobility['student'] = {
    givenNames: names.given ? [{ text: names.given }] : [],
    familyName: names.family ? [{ text: names.family }] : [],
    globalId: s.globalId ?? esi(m.homeId, m.studentUserId ?? m.id),
    photoUrls: [],
    phones: [],
  };
  if (m.studentNames?.cyrillic)
    student.familyName.push({ text: m.studentNames.cyrillic, lang: 'ru' });
  if (m.studentNames?.kanji) student.familyName.push({ text: m.studentNames.kanji, lang: 'ja' });
  if (s.birthDate) student.birthDate = s.birthDate;
  if (s.citizenship) student.citizenship = s.citizenship;
  if (s.gender !== undefined) student.gender = s.gender;
  const email = s.email ?? m.studentEmail;
  if (email) student.email = email;
  const o: OMobility = {
    id: m.id,
    sending: {
      heiId: m.homeId,
      ...(details.sendingOunitId ? { ounitId: details.sendingOunitId } : {}),
    },
    receiving: {
      heiId: m.hostId,
      ...(details.receivingOunitId ? { ounitId: details.receivingOunitId } : {}),
    },
    receivingAcademicYear: receivingYearOf(m.startDate, host?.country ?? ''),
    student,
    status: STATUS[m.status] ?? 'nomination',
    activityType: 'student-studies',
    activityAttributes: m.level === 'doctor' && m.months < 1 ? 'short-term-doctoral' : 'long-term',
    plannedArrival: m.startDate,
    plannedDeparture: addMonths(m.startDate, m.months),
    languageSkills: details.languageSkill ? [details.languageSkill] : [],
    additionalRequirements: [],
  };
  if (m.agreementId) o.sending.iiaId = m.agreementId;
  if (details.sendingTermId) o.sendingTermId = details.sendingTermId;
  const eqf = details.eqfLevel ?? EQF_OF_LEVEL[m.level];
  if (eqf) o.eqfAtNomination = eqf;
  if (details.iscedCode) o.iscedCode = details.iscedCode;
  return o;
}

const pick = (t: LocalizedText) => t.en ?? t.fr ?? t.ja ?? t.ru ?? '';

function componentXml(c: LaComponent, side: 'host' | 'home'): LaComponentXml {
  const course = side === 'host' ? c.host : c.home;
  const x: LaComponentXml = {
    title: pick(course.title) || (course.code ?? ''),
    credits: [
      { scheme: CREDIT_SYSTEMS[course.credits.system].ewpScheme, value: course.credits.value },
    ],
  };
  if (course.code) x.losCode = course.code;
  if (side === 'home' && c.conditions) x.recognitionConditions = c.conditions;
  return x;
}

const signature = (
  s: LaVersion['signatures'][keyof LaVersion['signatures']],
): LaSignatureXml | undefined =>
  s
    ? {
        signerName: s.signerName,
        ...(s.signerPosition ? { signerPosition: s.signerPosition } : {}),
        ...(s.signerEmail ? { signerEmail: s.signerEmail } : {}),
        timestamp: s.signedAt,
        signerApp: 'Kakehashi',
      }
    : undefined;

/** A whole version: every component studied and recognised. */
function wholeVersion(v: LaVersion): LaVersionXml {
  return versionXml(v, {
    'components-studied': v.components.map((c) => componentXml(c, 'host')),
    'components-recognized': v.components.map((c) => componentXml(c, 'home')),
  });
}

/** A change set: inserted and deleted components against the version it is based on. */
function changedVersion(v: LaVersion, before: LaVersion | null): LaVersionXml {
  const studied: LaComponentXml[] = [];
  const recognized: LaComponentXml[] = [];
  const mark = (
    x: LaComponentXml,
    status: 'inserted' | 'deleted',
    reason: string,
    text?: string,
  ) => {
    x.status = status;
    if (reason !== 'other') x.reasonCode = reason;
    if (text) x.reasonText = text;
    return x;
  };
  for (const ch of v.changes) {
    const old =
      ch.kind === 'insert'
        ? undefined
        : before?.components.find(
            (c) => c.id === (ch.kind === 'delete' ? ch.componentId : ch.component.id),
          );
    if (old) {
      studied.push(mark(componentXml(old, 'host'), 'deleted', ch.reason, ch.reasonText));
      recognized.push(mark(componentXml(old, 'home'), 'deleted', ch.reason, ch.reasonText));
    }
    if (ch.kind !== 'delete') {
      studied.push(mark(componentXml(ch.component, 'host'), 'inserted', ch.reason, ch.reasonText));
      recognized.push(
        mark(componentXml(ch.component, 'home'), 'inserted', ch.reason, ch.reasonText),
      );
    }
  }
  return versionXml(v, { 'components-studied': studied, 'components-recognized': recognized });
}

function versionXml(
  v: LaVersion,
  lists: Partial<Record<ComponentList, LaComponentXml[]>>,
): LaVersionXml {
  const x: LaVersionXml = {
    lists,
    studentSignature: signature(v.signatures.student) ?? { timestamp: '' },
    sendingSignature: signature(v.signatures.home) ?? { timestamp: '' },
  };
  const host = signature(v.signatures.host);
  if (host) x.receivingSignature = host;
  return x;
}

const laInstitution = (
  heiId: string,
  person: EwpPerson | undefined,
  ounitId?: string,
): LaInstitution => ({
  heiId,
  ...(ounitId ? { ounitId } : {}),
  contact: {
    givenNames: person?.givenNames ?? '',
    familyName: person?.familyName ?? '',
    email: person?.email ?? '',
    ...(person?.phone ? { phone: person.phone } : {}),
  },
});

/**
 * A learning agreement: the first approved version whole, the latest approved one as its changes
 * against the one it is based on, a pending proposal (its number as id) likewise.
 */
export function laOf(
  m: MobilityForEwp,
  host: InstitutionRecord | undefined,
  details: MobilityEwpDetails = {},
): LaDocument | null {
  const la = m.learningAgreement;
  if (!la) return null;
  const names = studentNamesOf(m, details);
  const approved = la.versions.filter((v) => v.status === 'approved');
  const pending = la.versions.find((v) => v.status === 'proposed');
  const byNumber = (n: number | null) =>
    n === null ? null : (la.versions.find((v) => v.number === n) ?? null);
  const doc: LaDocument = {
    omobilityId: m.id,
    sending: laInstitution(m.homeId, details.sendingContact, details.sendingOunitId),
    receiving: laInstitution(m.hostId, details.receivingContact, details.receivingOunitId),
    receivingAcademicYear: receivingYearOf(m.startDate, host?.country ?? ''),
    student: {
      ...(names.given ? { givenNames: names.given } : {}),
      ...(names.family ? { familyName: names.family } : {}),
      globalId: details.student?.globalId ?? esi(m.homeId, m.studentUserId ?? m.id),
    },
    start: m.startDate,
    end: addMonths(m.startDate, m.months),
    eqfAtDeparture: details.eqfLevel ?? EQF_OF_LEVEL[m.level] ?? 0,
    iscedCode: details.iscedCode ?? '',
    languageSkill: details.languageSkill ?? { language: '', cefrLevel: '' },
  };
  if (details.iscedClarification) doc.iscedClarification = details.iscedClarification;
  const first = approved[0];
  if (first) doc.firstVersion = wholeVersion(first);
  const last = approved[approved.length - 1];
  if (last && last !== first) doc.approvedChanges = changedVersion(last, byNumber(last.basedOn));
  if (pending) {
    const v =
      pending.basedOn === null
        ? wholeVersion(pending)
        : changedVersion(pending, byNumber(pending.basedOn));
    doc.changesProposal = { ...v, id: String(pending.number) };
  }
  return doc;
}

/**
 * A transcript as ELMO: the host as issuer, one course per line with its grade as printed and its
 * credits in the host's system, and each grade scale used declared as a grading scheme with our
 * conversion pivot (each grade's place on the ECTS ladder).
 */
export function elmoOf(
  m: MobilityForEwp,
  host: InstitutionRecord | undefined,
  details: MobilityEwpDetails = {},
  generatedAt: string,
): Elmo | null {
  const tor = m.transcript;
  if (!tor) return null;
  const names = studentNamesOf(m, details);
  const components = new Map(
    (m.learningAgreement?.versions ?? []).flatMap((v) =>
      v.components.map((c) => [c.id, c] as const),
    ),
  );
  const scales = new Set<string>();
  const opportunities: ElmoLos[] = tor.entries
    .filter((e) => e.status !== 'not-taken')
    .map((e) => {
      const comp = components.get(e.componentId);
      const title = comp ? comp.host.title : {};
      const titles = Object.entries(title)
        .filter(([, v]) => v?.trim())
        .map(([lang, v]) => ({ text: v!, lang }));
      if (e.gradeScaleId) scales.add(e.gradeScaleId);
      const los: ElmoLos = {
        identifiers: [{ type: 'local', value: e.hostCourseCode }],
        titles: titles.length ? titles : [{ text: e.hostCourseCode }],
        type: 'Course',
        descriptions: [],
        instance: {
          identifiers: [],
          status: e.status as 'passed' | 'failed' | 'in-progress',
          credits: [{ scheme: CREDIT_SYSTEMS[e.credits.system].ewpScheme, value: e.credits.value }],
          levels: [],
        },
        parts: [],
      };
      if (e.gradeScaleId) los.instance.gradingSchemeLocalId = e.gradeScaleId;
      if (e.grade !== null) los.instance.resultLabel = e.grade;
      const rows = e.distribution?.rows.filter((r) => r.count !== undefined);
      if (rows?.length) {
        los.instance.resultDistribution = rows.map((r) => ({ label: r.label, count: r.count! }));
      }
      return los;
    });
  const hostTitles = host
    ? Object.entries({ en: host.name, ...host.names })
        .filter(([, v]) => v)
        .map(([lang, v]) => ({ text: v!, lang }))
    : [];
  const report: Elmo['reports'][number] = {
    issuer: {
      identifiers: [{ type: 'schac', value: m.hostId }],
      titles: hostTitles,
      url: host?.website ?? '',
      ...(host?.country ? { country: host.country } : {}),
    },
    opportunities,
    issueDate: `${tor.issuedOn}T00:00:00Z`,
    gradingSchemes: [...scales].sort().map((id) => {
      const scale = GRADE_SCALES[id];
      if (!scale) return { localId: id, descriptions: [] };
      const ladder = scale.grades
        .map((g) => `${g.label} → ECTS ${g.ects}${g.passing ? '' : ' (fail)'}`)
        .join('; ');
      return {
        localId: id,
        descriptions: (['en', 'fr', 'ja', 'ru'] as const)
          .filter((l) => scale.name[l])
          .map((l) => ({ text: `${scale.name[l]}: ${ladder}`, lang: l })),
      };
    }),
  };
  if (host?.erasmusCode)
    report.issuer.identifiers.push({ type: 'erasmus', value: host.erasmusCode });
  if (host?.pic) report.issuer.identifiers.push({ type: 'pic', value: host.pic });
  return {
    generatedDate: generatedAt,
    learner: {
      identifiers: [
        { type: 'esi', value: details.student?.globalId ?? esi(m.homeId, m.studentUserId ?? m.id) },
      ],
      givenNames: names.given ?? '',
      familyName: names.family ?? '',
      ...(details.student?.citizenship ? { citizenship: details.student.citizenship } : {}),
      ...(details.student?.birthDate ? { bday: details.student.birthDate } : {}),
    },
    reports: [report],
  };
}
