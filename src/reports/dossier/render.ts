/**
 * The application dossier (R15 — 003 §6): an A4 PDF of a project application, items numbered as
 * in §6 — (1) the 13 items of the outline, (2) the liaison office with the implementation and
 * payment flow charts, (3) the implementation plan, (4) the outline of member universities,
 * (5) the persons in charge — then the attachments. Japanese or English headings (labels.ts);
 * texts are taken in the chosen language, else in the first language present. Names of foreign
 * members are also given in their own language (Russian, …), all in Noto Sans JP.
 */
import type { Member, Person, ProjectApplication } from '#src/domain/program/application.ts';
import { allMembers } from '#src/domain/program/application.ts';
import { projectBudget, type RegistryAgreementRecord } from '#src/domain/program/checks.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import { pickLocalized, type LocalizedText } from '#src/domain/shared/refusal.ts';
import type { Content, Node, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { DOSSIER_FONT, preparePdfmake } from './fonts.ts';
import { implementationFlowChart, paymentFlowChart } from './flow-chart.ts';
import type { DossierLang } from './labels.ts';
import { LABELS } from './labels.ts';

export interface DossierOptions {
  lang: DossierLang;
  /** the funder's name from the registry, e.g. 文部科学省 (never its domain); omitted when unknown */
  funderName?: LocalizedText;
  /**
   * Item 7 as the agreement registry records it, when the application names an agreement of it:
   * its title, signatures and dates are printed instead of the declaration, so that they agree
   * with the agreement's record (R2).
   */
  agreement?: RegistryAgreementRecord | null;
  /** default true; false writes uncompressed streams (for inspection) */
  compress?: boolean;
}

/** A4 in PostScript points (R15 — 003 §6: "A4 paper should be used"). */
export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 50;
const CONTENT_WIDTH = Math.floor(A4.width - 2 * MARGIN);
/** A heading this close to the foot of a page moves to the next one with what it heads. */
const KEEP_WITH_NEXT = 90;

/**
 * Official text carries no provenance markers of the material it was drafted from, such as
 * "(source document 000)" or "（資料 000）": they are notes for the drafters, not for the funder.
 */
export function officialText(text: string): string {
  return text
    .replace(/\s*[(（]\s*(?:source document|資料)\s*\d{3}\s*[)）]/giu, '')
    .replace(/\s+([.,;:。、])/gu, '$1')
    .trim();
}

/**
 * Keep-with-next for headings (pdfmake's `headlineLevel`): a heading that would end a page, or
 * stand in its last lines, starts the next page instead.
 */
export function keepHeadingWithNext(
  node: Node,
  following: () => readonly Node[],
  pageHeight = A4.height,
): boolean {
  if (node.headlineLevel === undefined) return false;
  const rest = following();
  if (rest.length === 0) return true;
  const top = (node as { startPosition?: { top?: number } }).startPosition?.top ?? 0;
  return pageHeight - MARGIN - top < KEEP_WITH_NEXT;
}
/** Builds the pdfmake document definition (exported for tests and previews). */
export function dossierDefinition(
  app: ProjectApplication,
  program: ProgramRules,
  options: DossierOptions,
  /** ids of the headings that start a new page (keep-with-next, see `renderDossier`) */
  breakBefore: ReadonlySet<string> = new Set(),
): TDocumentDefinitions {
  const { lang } = options;
  const L = LABELS[lang];
  const tx = (t: LocalizedText | undefined) => officialText(pickLocalized(t, lang)) || L.none;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-GB';
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);
  const yen = (n: number) => L.yen(num(n));
  const regionNames = new Intl.DisplayNames([locale], { type: 'region' });
  const country = (code: string) => regionNames.of(code) ?? code;
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  const language = (code: string) => languageNames.of(code) ?? code;
  const date = (iso: string | undefined) => {
    if (!iso) return L.none;
    const [y, m, d] = iso.slice(0, 10).split('-');
    if (lang !== 'ja') return iso.slice(0, 10);
    return d === undefined
      ? `${Number(y)}年${Number(m)}月`
      : `${Number(y)}年${Number(m)}月${Number(d)}日`;
  };
  const yesNo = (b: boolean) => (b ? L.yes : L.no);
  const members = allMembers(app);
  const memberById = new Map(members.map((m) => [m.institutionId, m]));
  /** The name in the dossier's language, with the member's own-language name when different. */
  const memberName = (m: Member | undefined, id: string): string => {
    if (!m) return id;
    const main = pickLocalized(m.name, lang);
    const own = m.country === 'RU' ? m.name.ru : m.country === 'FR' ? m.name.fr : undefined;
    return own && own !== main
      ? `${main}（${own}）`
          .replace('（', lang === 'ja' ? '（' : ' (')
          .replace('）', lang === 'ja' ? '）' : ')')
      : main;
  };
  const nameOf = (id: string) => memberName(memberById.get(id), id);
  const personLine = (p: Person) =>
    [tx(p.name), pickLocalized(p.position, lang), p.email ?? '']
      .filter((s) => s !== '')
      .join(' / ');

  const { home, partner } = app.outline.consortia;
  const o = app.outline;
  const registry = options.agreement ?? null;

  // --- building blocks
  // Headings are numbered in document order, so that a later pass can move one to a new page.
  let headings = 0;
  const heading = (level: number) => {
    const id = `heading-${++headings}`;
    return {
      id,
      headlineLevel: level,
      ...(breakBefore.has(id) ? { pageBreak: 'before' as const } : {}),
    };
  };
  const section = (text: string): Content => ({
    text,
    style: 'section',
    tocItem: false,
    ...heading(1),
  });
  const item = (no: number, title: string): Content => ({
    text: `${no}) ${title}`,
    style: 'item',
    ...heading(2),
  });
  const para = (t: LocalizedText | undefined): Content => ({ text: tx(t), style: 'body' });
  const kv = (rows: [string, string | Content][]): Content => ({
    table: {
      dontBreakRows: true,
      widths: [130, '*'],
      body: rows.map(([k, v]) => [
        { text: k, style: 'key' },
        typeof v === 'string' ? { text: v, style: 'body' } : v,
      ]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 6],
  });
  const grid = (
    head: string[],
    rows: (string | TableCell)[][],
    widths: (number | string)[],
  ): Content => ({
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        head.map((h) => ({ text: h, style: 'th' })),
        ...rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c, style: 'td' } : c))),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#9aa9bb',
      vLineColor: () => '#9aa9bb',
      fillColor: (row: number) => (row === 0 ? '#e4ebf3' : null),
    },
    margin: [0, 2, 0, 6],
  });
  const list = (xs: LocalizedText[]): Content =>
    xs.length === 0
      ? para(undefined)
      : { ul: xs.map((x) => ({ text: tx(x), style: 'body' })), margin: [0, 0, 0, 4] };
  const attachmentTitle = (id: string | undefined) => {
    const a = id === undefined ? undefined : app.attachments.find((x) => x.id === id);
    return a ? `${tx(a.title)} [${a.id}]` : L.none;
  };
  const levels = (ls: readonly string[]) =>
    ls
      .map((l) => L.levelNames[l as keyof typeof L.levelNames] ?? l)
      .join(lang === 'ja' ? '・' : ', ') || L.none;

  // --- (1) the 13 items
  const consortiumRows = (c: typeof home, label: string) =>
    c.members.map((m, i) => [
      i === 0 ? { text: `${label}\n${tx(c.name)}`, style: 'td', rowSpan: c.members.length } : '',
      `${memberName(m, m.institutionId)}${m.institutionId === c.representativeId ? ` [${L.representativeMark}]` : ''}`,
      L.kindNames[m.kind],
      `${country(m.country)} / ${tx(m.city)}`,
      m.district ? tx(m.district) : L.none,
    ]);
  const budget = projectBudget(program, app);

  const outline: Content[] = [
    section(L.section1),
    item(1, L.items[1] ?? ''),
    kv([
      [L.significance, tx(o.significance.significance)],
      [L.objective, tx(o.significance.objective)],
    ]),
    { text: L.goals, style: 'key' },
    list(o.significance.goals),
    item(2, L.items[2] ?? ''),
    grid(
      [L.consortium, L.institution, L.kind, `${L.country} / ${L.city}`, L.district],
      [...consortiumRows(home, L.homeConsortium), ...consortiumRows(partner, L.partnerConsortium)],
      [90, '*', 60, 90, 70],
    ),
    item(3, L.items[3] ?? ''),
    list(o.fields),
    item(4, L.items[4] ?? ''),
    para({ [lang]: levels(o.levels) }),
    item(5, L.items[5] ?? ''),
    kv([
      [L.languages, o.curriculum.languages.map(language).join(', ') || L.none],
      [L.lectures, tx(o.curriculum.lectures)],
      [L.schoolHours, tx(o.curriculum.schoolHours)],
      [L.credits, tx(o.curriculum.credits)],
      [L.syllabus, tx(o.curriculum.syllabus)],
    ]),
    item(6, L.items[6] ?? ''),
    para(o.administration),
    item(7, L.items[7] ?? ''),
    kv(
      registry
        ? [
            [L.agreementTitle, officialText(registry.title) || L.none],
            [L.signedOn, registry.signedOn ? date(registry.signedOn) : L.notSigned],
            [
              L.signatories,
              registry.signatures
                .map((x) =>
                  L.signature(pickLocalized(x.partyName, lang), x.signatory, date(x.signedOn)),
                )
                .join('\n') || L.none,
            ],
            [
              L.validity,
              registry.validFrom && registry.validTo
                ? `${date(registry.validFrom)} – ${date(registry.validTo)}`
                : L.none,
            ],
            [L.stipulatesScreening, yesNo(registry.stipulatesScreening)],
            [L.stipulatesRecognition, yesNo(registry.stipulatesRecognition)],
            [L.copy, attachmentTitle(o.agreement.copyAttachmentId)],
            [L.registryRecord, registry.id],
          ]
        : [
            [L.agreementTitle, tx(o.agreement.title)],
            [L.signedOn, o.agreement.signedOn ? date(o.agreement.signedOn) : L.notSigned],
            [L.signatories, o.agreement.signatories.map(nameOf).join('\n') || L.none],
            [L.stipulatesScreening, yesNo(o.agreement.stipulatesScreening)],
            [L.stipulatesRecognition, yesNo(o.agreement.stipulatesRecognition)],
            [L.copy, attachmentTitle(o.agreement.copyAttachmentId)],
          ],
    ),
    item(8, L.items[8] ?? ''),
    para(o.implementation.summary),
    grid(
      [L.exchangeType, L.description, L.levels],
      o.implementation.exchangeTypes.map((e) => [tx(e.name), tx(e.description), levels(e.levels)]),
      [110, '*', 80],
    ),
    item(9, L.items[9] ?? ''),
    kv([
      [L.qualifications, tx(o.screening.qualifications)],
      [L.standards, tx(o.screening.standards)],
      [L.methods, tx(o.screening.methods)],
      [L.commonToBothSides, yesNo(o.screening.commonToBothSides)],
    ]),
    item(10, L.items[10] ?? ''),
    grid(
      [
        L.year,
        L.fiscalYear,
        `${L.outbound}\n${L.students}`,
        `${L.outbound}\n${L.studentMonths}`,
        `${L.inbound}\n${L.students}`,
        `${L.inbound}\n${L.studentMonths}`,
        L.scholarship,
      ],
      [
        ...o.numbers.map((y, i) => [
          String(y.year),
          y.fiscalYear === undefined ? L.none : String(y.fiscalYear),
          num(y.outbound.students),
          num(y.outbound.studentMonths),
          num(y.inbound.students),
          num(y.inbound.studentMonths),
          {
            text: num(budget.years[i]?.scholarshipYen ?? 0),
            style: 'td',
            alignment: 'right' as const,
          },
        ]),
        [
          { text: L.total, style: 'td', bold: true, colSpan: 6 },
          '',
          '',
          '',
          '',
          '',
          { text: num(budget.totalYen), style: 'td', bold: true, alignment: 'right' as const },
        ],
      ],
      [30, 45, '*', '*', '*', '*', 80],
    ),
    {
      text: L.stipendNote(
        yen(program.stipend.monthlyAmount),
        num(program.annualCap.studentMonths),
        yen(program.annualCap.studentMonths * program.stipend.monthlyAmount),
      ),
      style: 'note',
    },
    item(11, L.items[11] ?? ''),
    kv([
      [L.recruitment, tx(o.schedule.recruitment)],
      [L.start, tx(o.schedule.start)],
      [L.stayMonths, L.months(o.schedule.stayMonths.min, o.schedule.stayMonths.max)],
      [
        L.milestones,
        o.schedule.milestones.map((m) => `${date(m.when)}  ${tx(m.what)}`).join('\n') || L.none,
      ],
    ]),
    item(12, L.items[12] ?? ''),
    kv([
      [L.stipulated, yesNo(o.tuitionWaiver.stipulated)],
      [L.clause, tx(o.tuitionWaiver.clause)],
      [L.copy, attachmentTitle(o.tuitionWaiver.copyAttachmentId)],
    ]),
    item(13, L.items[13] ?? ''),
    kv([
      [L.recognitionSystem, tx(o.recognition.system)],
      [L.commonToAllMembers, yesNo(o.recognition.commonToAllMembers)],
    ]),
  ];

  // --- (2) liaison office and flows
  const l = app.liaison;
  const officeRows = (office: typeof l.office): [string, string][] => [
    [L.institution, nameOf(office.institutionId)],
    [L.department, tx(office.department)],
    [L.person, personLine(office.person)],
    ...(office.address ? [[L.address, tx(office.address)] as [string, string]] : []),
  ];
  const homeOthers = home.members.filter((m) => m.institutionId !== home.representativeId);
  const short = (ms: Member[]) => {
    const names = ms.map((m) => pickLocalized(m.name, lang));
    return names.length <= 3 ? names : [...names.slice(0, 3), `+${names.length - 3}`];
  };
  const liaison: Content[] = [
    section(L.section2),
    item(1, L.liaison1),
    kv(officeRows(l.office)),
    {
      unbreakable: true,
      stack: [
        { text: L.implementationFlow, style: 'key' },
        implementationFlowChart(
          l.implementationFlow.map((s) => tx(s)),
          CONTENT_WIDTH,
        ),
      ],
    },
    item(2, L.liaison2),
    kv([
      [L.enrolmentConfirmation, tx(l.enrolmentConfirmation)],
      [L.representativeRole, tx(l.representativeRole)],
      [L.memberRole, tx(l.memberRole)],
    ]),
    {
      unbreakable: true,
      stack: [
        { text: L.paymentFlow, style: 'key' },
        paymentFlowChart(
          {
            funder: L.flow.funder,
            // The funder by its name (never its domain); its program below.
            funderLines: [
              pickLocalized(options.funderName, lang),
              pickLocalized(program.name, lang),
            ]
              .map(officialText)
              .filter((line) => line !== ''),
            representative: L.flow.representative,
            representativeLines: [
              pickLocalized(memberById.get(home.representativeId)?.name, lang) ||
                home.representativeId,
              tx(l.office.department),
            ],
            members: L.flow.members,
            memberLines: [
              (homeOthers.length > 0 ? short(homeOthers) : short(home.members)).join(
                lang === 'ja' ? '、' : ', ',
              ),
            ],
            host: L.flow.host,
            hostLines: [
              short(partner.members.filter((m) => m.kind === 'university')).join(
                lang === 'ja' ? '、' : ', ',
              ),
            ],
            students: L.flow.students,
            studentLines: [
              L.months(program.stayMonths.min, program.stayMonths.max),
              `${yen(program.stipend.monthlyAmount)} / ${lang === 'ja' ? '月' : 'month'}`,
            ],
            step1: L.flow.step1,
            step2: L.flow.step2,
            step3: L.flow.step3,
            step4: L.flow.step4,
            step5: L.flow.step5,
          },
          CONTENT_WIDTH,
        ),
      ],
    },
    item(3, L.liaison3),
    kv(officeRows(l.travelOffice)),
  ];

  // --- (3) plan
  const plan: Content[] = [
    section(L.section3),
    item(1, L.plan1),
    grid(
      [L.when, L.where, L.what],
      app.plan.consultations.map((c) => [date(c.when), tx(c.where), tx(c.what)]),
      [70, 100, '*'],
    ),
    item(2, L.plan2),
    kv([
      [L.evaluationDuring, tx(app.plan.evaluationDuring)],
      [L.evaluationAfter, tx(app.plan.evaluationAfter)],
    ]),
  ];

  // --- (4) members
  const memberOutline = (m: Member): Content => ({
    unbreakable: true,
    stack: [
      { text: memberName(m, m.institutionId), style: 'member' },
      kv([
        [
          `${L.country} / ${L.city}`,
          `${country(m.country)} / ${tx(m.city)}${m.district ? ` (${tx(m.district)})` : ''}`,
        ],
        [L.kind, L.kindNames[m.kind]],
        ...(m.country !== program.consortium.homeCountry
          ? [[L.heiNote, tx(m.higherEducationNote)] as [string, string]]
          : []),
        [L.outline, tx(m.outline)],
        [
          L.departments,
          m.departments
            .map((d) => `${tx(d.name)} (${levels(d.levels)}): ${tx(d.outline)}`)
            .join('\n') || L.none,
        ],
      ]),
    ],
  });
  const membersSection: Content[] = [section(L.section4), ...members.map(memberOutline)];

  // --- (5) persons, attachments
  const persons: Content[] = [
    section(L.section5),
    grid(
      [L.institution, L.name, L.position, L.role],
      [
        [
          nameOf(app.responsiblePerson.institutionId),
          tx(app.responsiblePerson.name),
          tx(app.responsiblePerson.position),
          lang === 'ja' ? '申請責任者（003 §11）' : 'Responsible for the application (003 §11)',
        ],
        ...app.personsInCharge.map((p) => [
          nameOf(p.institutionId),
          tx(p.name),
          tx(p.position),
          tx(p.role),
        ]),
      ],
      [120, 110, '*', 100],
    ),
    section(L.attachments),
    grid(
      ['ID', L.attachmentTitle, L.kind, L.institution, L.language],
      app.attachments.map((a) => [
        a.id,
        tx(a.title) +
          (a.translationOf ? `\n${L.translationOf}: ${a.translationOf}` : '') +
          (a.consentsTo
            ? `\n${L.consentsTo}: ${a.consentsTo
                .map((c) => L.consentItems[c])
                .join(lang === 'ja' ? '、' : ', ')}`
            : ''),
        L.attachmentKinds[a.kind] ?? a.kind,
        a.institutionId ? nameOf(a.institutionId) : L.none,
        language(a.language),
      ]),
      [70, '*', 70, 100, 50],
    ),
  ];

  const title = officialText(pickLocalized(app.title, lang));
  const header: Content[] = [
    { text: L.documentTitle, style: 'docTitle' },
    { text: title, style: 'title' },
    kv([
      [L.program, pickLocalized(program.name, lang)],
      [L.representative, nameOf(home.representativeId)],
      [L.status, L.statusNames[app.status] ?? app.status],
      [L.submittedAt, app.submittedAt ? date(app.submittedAt) : L.none],
    ]),
    ...(app.invented || (app.notes ?? []).some((n) => n.includes('INVENTED'))
      ? [{ text: L.invented, style: 'note' }]
      : []),
  ];

  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    compress: options.compress ?? true,
    language: lang === 'ja' ? 'ja-JP' : 'en-GB',
    info: {
      title,
      subject: L.documentTitle,
      creator: 'Kakehashi',
      producer: 'Kakehashi (pdfmake)',
    },
    ...(app.status === 'draft'
      ? { watermark: { text: L.draftWatermark, opacity: 0.08, bold: true } }
      : {}),
    header: (page: number) =>
      page === 1
        ? ''
        : { text: title, fontSize: 7, color: '#777777', margin: [MARGIN, 24, MARGIN, 0] },
    footer: (page: number, pages: number) => ({
      text: L.page(page, pages),
      fontSize: 7,
      alignment: 'center',
      margin: [0, 16, 0, 0],
    }),
    content: [...header, ...outline, ...liaison, ...plan, ...membersSection, ...persons],
    defaultStyle: { font: DOSSIER_FONT, fontSize: 9, lineHeight: 1.25 },
    styles: {
      docTitle: { fontSize: 10, color: '#555555' },
      title: { fontSize: 15, bold: true, margin: [0, 2, 0, 8] },
      section: { fontSize: 12, bold: true, color: '#1f3a5f', margin: [0, 12, 0, 4] },
      item: { fontSize: 10, bold: true, margin: [0, 8, 0, 2] },
      member: { fontSize: 10, bold: true, margin: [0, 6, 0, 0] },
      key: { fontSize: 8.5, bold: true, color: '#333333' },
      body: { fontSize: 9 },
      th: { fontSize: 8, bold: true },
      td: { fontSize: 8 },
      note: { fontSize: 8, color: '#555555', italics: false, margin: [0, 0, 0, 4] },
    },
  };
}

/**
 * R15 — 003 §6: renders the application dossier as an A4 PDF in Japanese or English.
 *
 * Headings keep with what they head: each pass lays the document out, notes the headings that
 * would stand at a page foot (`keepHeadingWithNext`) and, if there are new ones, lays it out again
 * with those headings starting a new page. (pdfmake's own re-layout from `pageBreakBefore` loses
 * the flow charts' overlaid text, so the definition is rebuilt instead.)
 */
export async function renderDossier(
  app: ProjectApplication,
  program: ProgramRules,
  options: DossierOptions,
): Promise<Buffer> {
  const pdfmake = preparePdfmake();
  const breakBefore = new Set<string>();
  for (let pass = 0; ; pass++) {
    const stranded: string[] = [];
    const definition: TDocumentDefinitions = {
      ...dossierDefinition(app, program, options, breakBefore),
      pageBreakBefore: (node, queries) => {
        if (
          node.id !== undefined &&
          !breakBefore.has(node.id) &&
          keepHeadingWithNext(node, () => queries.getFollowingNodesOnPage())
        )
          stranded.push(node.id);
        return false;
      },
    };
    const pdf = await pdfmake.createPdf(definition).getBuffer();
    // Each pass moves only the first stranded heading: the ones after it move with the layout.
    const first = stranded[0];
    if (first === undefined || pass >= 4) return pdf;
    breakBefore.add(first);
  }
}
