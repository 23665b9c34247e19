/**
 * A project application by a consortium pair: every item of 003 §6 (R15).
 *
 * The schema accepts drafts: texts may be empty and lists short. Whether the application may be
 * submitted is decided by `checkApplication` (checks.ts), which names the rule and what to fix.
 * Texts are multilingual (`LocalizedText`): the dossier is rendered in Japanese or English, and
 * foreign members' materials need a Japanese translation (R17 — 003 §7(3)).
 */
import { z } from 'zod';
import { languageSchema, localizedTextSchema } from '../shared/refusal.ts';
import { countryCodeSchema, levelSchema } from './rules.ts';

const text = localizedTextSchema;
const isoDate = z.iso.date();
const count = z.number().int().nonnegative();

/** A person named in the application (§6(2), §6(5)). `userId` links a platform account. */
export const personSchema = z.object({
  name: text,
  position: text,
  department: text.optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  userId: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

/** A department or graduate course that takes part (§6(4)). */
export const memberDepartmentSchema = z.object({
  name: text,
  levels: z.array(levelSchema),
  outline: text,
});

/**
 * A member of a consortium (§6(1)2), §6(4)). `country` lets R1 count Japanese and foreign
 * universities; `kind` keeps academies of sciences (SB RAS, FEB RAS of source document 000) out of
 * that count.
 */
export const memberSchema = z.object({
  /** SCHAC code, e.g. `tohoku.ac.jp`. */
  institutionId: z.string().min(1),
  kind: z.enum(['university', 'academy_of_sciences', 'other']),
  name: text,
  country: countryCodeSchema,
  city: text,
  /**
   * A grouping such as the tri-district model of source document 000 (`Europe/Russia`, `Siberia`,
   * `Far East`).
   */
  district: text.optional(),
  /** §6(4): a note explaining that a foreign member is a higher education institution in its nation. */
  higherEducationNote: text,
  outline: text,
  departments: z.array(memberDepartmentSchema),
});
export type Member = z.infer<typeof memberSchema>;

export const consortiumSchema = z.object({
  /** e.g. `tohoku-jr-japan` (the consortia of the registry). */
  consortiumId: z.string().optional(),
  name: text,
  /** R8 — 003 §5(8): the representative university (an institutionId among the members). */
  representativeId: z.string(),
  members: z.array(memberSchema),
});
export type Consortium = z.infer<typeof consortiumSchema>;

/** A liaison office: department and person (§6(2)1), §6(2)3)). */
export const officeSchema = z.object({
  institutionId: z.string(),
  department: text,
  person: personSchema,
  address: text.optional(),
});
export type Office = z.infer<typeof officeSchema>;

/** Item 10: planned numbers for one year of the project, in each direction. */
export const yearPlanSchema = z.object({
  /** 1, 2, 3 … of the project */
  year: z.number().int().positive(),
  /** the fiscal year it falls in, e.g. 2003 (April 2003–March 2004) */
  fiscalYear: z.number().int().optional(),
  /** sent from the home (Japanese) consortium — the students the program supports (R9) */
  outbound: z.object({ students: count, studentMonths: count }),
  /** received from the partner consortium */
  inbound: z.object({ students: count, studentMonths: count }),
});
export type YearPlan = z.infer<typeof yearPlanSchema>;

export const attachmentKindSchema = z.enum([
  'agreement-copy', // §6(1)7)
  'tuition-waiver-agreement', // §6(1)12)
  'member-consent', // §7(2) — R16
  'translation', // §7(3) — R17
  'flow-chart', // §6(2)1)–2)
  'member-material', // §6(4): materials of participating universities
  'other',
]);
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

export const attachmentSchema = z.object({
  id: z.string().min(1),
  kind: attachmentKindSchema,
  title: text,
  /** the institution whose material or consent it is */
  institutionId: z.string().optional(),
  language: languageSchema,
  /** for a translation: the id of the attachment it translates */
  translationOf: z.string().optional(),
  /** for a member consent (R16 — 003 §7(2)): which items the member agrees on */
  consentsTo: z.array(z.enum(['screening', 'recognition'])).optional(),
  fileName: z.string().optional(),
  /** hex digest of the stored file, set by the service that stores it */
  sha256: z.string().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const applicationStatusSchema = z.enum([
  'draft',
  'submitted',
  'selected',
  'not-selected',
  'withdrawn',
]);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const projectApplicationSchema = z.object({
  id: z.string().min(1),
  programId: z.string().min(1),
  /** the program version the application was last checked against */
  programVersion: z.number().int().positive().optional(),
  status: applicationStatusSchema,
  title: text,
  /** true for demo data made up for the demo (not from the source documents) */
  invented: z.boolean().optional(),
  /** free notes, e.g. which parts are invented */
  notes: z.array(z.string()).optional(),

  /**
   * 003 §11: the person at the representative university responsible for the application — the
   * only one who may submit it and correspond with the funder. `userId` is their account.
   */
  responsiblePerson: personSchema.extend({ institutionId: z.string() }),

  /** §6(1): Outline of the project — the 13 items. */
  outline: z.object({
    /** 1) Significance, objective and goal */
    significance: z.object({ significance: text, objective: text, goals: z.array(text) }),
    /** 2) Representative university and member universities */
    consortia: z.object({ home: consortiumSchema, partner: consortiumSchema }),
    /** 3) Targeted majors or fields of study */
    fields: z.array(text),
    /** 4) Targeted students (bachelors, masters or doctors) — R3 */
    levels: z.array(levelSchema),
    /** 5) Curriculums */
    curriculum: z.object({
      /** languages in use (BCP 47, e.g. `ja`, `ru`, `en`) */
      languages: z.array(z.string()),
      lectures: text,
      schoolHours: text,
      credits: text,
      syllabus: text,
    }),
    /** 6) Administration and responsibility system */
    administration: text,
    /** 7) Student exchange agreement between consortia (copy) — R2 */
    agreement: z.object({
      /**
       * The agreement in the registry this item refers to (R2 is then checked against its
       * signatures and dates). Absent when the consortia rely on an uploaded signed copy only,
       * which the checks flag as not verified against the registry.
       */
      registryAgreementId: z.string().min(1).optional(),
      title: text,
      /** the date it was signed; absent while it is being negotiated */
      signedOn: isoDate.optional(),
      /** institutions that signed it (SCHAC ids) */
      signatories: z.array(z.string()),
      /** id of the `agreement-copy` attachment */
      copyAttachmentId: z.string().optional(),
      /** R16 — 003 §7(2): whether the agreement itself stipulates items 9 and 13 */
      stipulatesScreening: z.boolean(),
      stipulatesRecognition: z.boolean(),
    }),
    /**
     * 8) Ways to implement student exchanges, e.g. the three exchange types of source document 000
     */
    implementation: z.object({
      summary: text,
      exchangeTypes: z.array(
        z.object({ name: text, description: text, levels: z.array(levelSchema) }),
      ),
    }),
    /** 9) Qualifications, standards and methods of screening — R6 */
    screening: z.object({
      qualifications: text,
      standards: text,
      methods: text,
      /** whether qualifications, standards and methods are common to both consortia */
      commonToBothSides: z.boolean(),
    }),
    /** 10) Number of exchange students over the next three years — R4, R14 */
    numbers: z.array(yearPlanSchema),
    /** 11) Annual schedule */
    schedule: z.object({
      recruitment: text,
      start: text,
      /** how long students are sent abroad for, in months — R12 */
      stayMonths: z.object({ min: count, max: count }),
      milestones: z.array(z.object({ when: z.string(), what: text })),
    }),
    /** 12) Agreement that no additional tuition is paid to the host (copy) — R5 */
    tuitionWaiver: z.object({
      stipulated: z.boolean(),
      /** where, e.g. "Article 6" */
      clause: text,
      /** id of the `tuition-waiver-agreement` (or `agreement-copy`) attachment */
      copyAttachmentId: z.string().optional(),
    }),
    /** 13) Credits recognition system — R7 */
    recognition: z.object({
      system: text,
      /** whether one system is common to all participating universities */
      commonToAllMembers: z.boolean(),
    }),
  }),

  /** §6(2): Liaison office and the flows of scholarship and travel payments — R8 */
  liaison: z.object({
    /** 1) the liaison office for foreign universities and for guiding and supporting students */
    office: officeSchema,
    /** 1) flow of implementation, in steps (drawn as a flow chart in the dossier) */
    implementationFlow: z.array(text),
    /** 2) scholarship: how the host's confirmation of enrolment reaches the representative university */
    enrolmentConfirmation: text,
    /** 2) roles of the representative university and of the other members in paying scholarships */
    representativeRole: text,
    memberRole: text,
    /** 3) the representative university's liaison office for travel expenses */
    travelOffice: officeSchema,
  }),

  /** §6(3): Implementation plan */
  plan: z.object({
    /** 1) consultations between the consortia */
    consultations: z.array(z.object({ when: z.string(), where: text, what: text })),
    /** 2) inspection and evaluation during and after the project */
    evaluationDuring: text,
    evaluationAfter: text,
  }),

  /** §6(4) is carried by the members (outline, departments, country, city, HEI note). */

  /** §6(5): persons responsible, in managerial positions at their universities */
  personsInCharge: z.array(personSchema.extend({ institutionId: z.string(), role: text })),

  /** agreement copy, member consents (R16), translations (R17), other materials */
  attachments: z.array(attachmentSchema),

  /** set when submitted (by the service; the domain never reads a clock) */
  submittedAt: z.string().optional(),
  submittedBy: z.string().optional(),
});
export type ProjectApplication = z.infer<typeof projectApplicationSchema>;

/**
 * The 13 items of 003 §6(1), in the document's order and words; `key` is the field under `outline`.
 */
export const OUTLINE_ITEMS = [
  { no: 1, key: 'significance', title: 'Significance, objective and goal' },
  { no: 2, key: 'consortia', title: 'Representative university and member universities' },
  { no: 3, key: 'fields', title: 'Targeted majors or fields of study' },
  { no: 4, key: 'levels', title: 'Targeted students (bachelors, masters or doctors)' },
  { no: 5, key: 'curriculum', title: 'Curriculums' },
  { no: 6, key: 'administration', title: 'Administration and responsibility system' },
  { no: 7, key: 'agreement', title: 'Student exchange agreement between consortia (copy)' },
  { no: 8, key: 'implementation', title: 'Ways to implement student exchanges' },
  {
    no: 9,
    key: 'screening',
    title: 'Qualifications of exchange students, standards and methods of screening',
  },
  { no: 10, key: 'numbers', title: 'Number of exchange students over the next three years' },
  { no: 11, key: 'schedule', title: 'Annual schedule of the project' },
  {
    no: 12,
    key: 'tuitionWaiver',
    title: 'Agreement that no additional tuition is paid to the host (copy)',
  },
  { no: 13, key: 'recognition', title: 'Credits recognition system' },
] as const satisfies readonly {
  no: number;
  key: keyof ProjectApplication['outline'];
  title: string;
}[];
export type OutlineItemKey = (typeof OUTLINE_ITEMS)[number]['key'];

/** All members of both consortia, home first. */
export function allMembers(app: ProjectApplication): Member[] {
  return [...app.outline.consortia.home.members, ...app.outline.consortia.partner.members];
}

/** A fresh draft with every item present and empty, for the form. */
export function emptyApplication(id: string, programId: string): ProjectApplication {
  const empty = {};
  const person = { name: {}, position: {} };
  const consortium = { name: {}, representativeId: '', members: [] };
  return {
    id,
    programId,
    status: 'draft',
    title: empty,
    responsiblePerson: { ...person, institutionId: '' },
    outline: {
      significance: { significance: {}, objective: {}, goals: [] },
      consortia: { home: consortium, partner: { ...consortium, members: [] } },
      fields: [],
      levels: [],
      curriculum: { languages: [], lectures: {}, schoolHours: {}, credits: {}, syllabus: {} },
      administration: {},
      agreement: {
        title: {},
        signatories: [],
        stipulatesScreening: false,
        stipulatesRecognition: false,
      },
      implementation: { summary: {}, exchangeTypes: [] },
      screening: { qualifications: {}, standards: {}, methods: {}, commonToBothSides: false },
      numbers: [],
      schedule: { recruitment: {}, start: {}, stayMonths: { min: 0, max: 0 }, milestones: [] },
      tuitionWaiver: { stipulated: false, clause: {} },
      recognition: { system: {}, commonToAllMembers: false },
    },
    liaison: {
      office: { institutionId: '', department: {}, person: { name: {}, position: {} } },
      implementationFlow: [],
      enrolmentConfirmation: {},
      representativeRole: {},
      memberRole: {},
      travelOffice: { institutionId: '', department: {}, person: { name: {}, position: {} } },
    },
    plan: { consultations: [], evaluationDuring: {}, evaluationAfter: {} },
    personsInCharge: [],
    attachments: [],
  };
}
