import { z } from 'zod';
import { LANGUAGES } from '#src/domain/shared/refusal.ts';
import { ENROLMENT_STATUSES, STUDY_LEVELS } from '#src/domain/eligibility/types.ts';
import { NamesSchema } from './common.schema.ts';

export const SignUpBody = z.object({
  email: z.string().max(320).describe('an address of a domain a university lists for its students'),
  displayName: z.string().max(200),
  language: z.enum(LANGUAGES).describe('the language of the e-mail and of the account'),
  password: z.string().max(1024),
});

export const SignUpAnswer = z
  .object({ status: z.literal('check_your_inbox') })
  .describe('the same answer whether or not the address already has an account');

export const SignUpToken = z.object({ token: z.string().max(200) });

export const SignUpConfirmed = z.object({
  email: z.string(),
  home: NamesSchema.describe('the student’s home university'),
});

export const StudentDomainParams = z.object({ id: z.string().max(200) });
export const StudentDomainItemParams = z.object({
  id: z.string().max(200),
  domain: z.string().max(253),
});
export const StudentDomainBody = z.object({ domain: z.string().max(254) });
export const StudentDomainList = z.object({
  items: z.array(z.object({ domain: z.string(), addedAt: z.string() })),
  mayEdit: z.boolean().describe('may the reader add and remove domains (policy registry:write)'),
});

export const StudentParams = z.object({ userId: z.uuid() });
const Grade = z.object({ scale: z.string(), value: z.number() });
const Level = z.enum(STUDY_LEVELS);
const Enrolment = z.enum(ENROLMENT_STATUSES);
const Day = z.string().max(10);
export const StudentRecordBody = z.object({
  level: Level.optional().describe('the level of study (R3); unchanged when absent'),
  enrolmentStatus: Enrolment.optional().describe('enrolment at home; unchanged when absent'),
  enrolmentUntil: Day.nullable()
    .optional()
    .describe('the planned end of the enrolment (YYYY-MM-DD); unchanged when absent'),
  grade: Grade.nullable().describe('the grade with its scale (R6)'),
  residenceStatus: z.string().max(41).nullable().describe('residence status in Japan (R9)'),
});
export const StudentRecordView = z.object({
  userId: z.string(),
  student: NamesSchema,
  home: NamesSchema,
  level: Level,
  enrolmentStatus: Enrolment,
  enrolmentUntil: z.string().nullable(),
  grade: Grade.nullable(),
  residenceStatus: z.string().nullable(),
});

export type SignUpBody = z.infer<typeof SignUpBody>;
export type SignUpAnswer = z.infer<typeof SignUpAnswer>;
export type SignUpConfirmed = z.infer<typeof SignUpConfirmed>;
export type StudentDomainList = z.infer<typeof StudentDomainList>;
export type StudentRecordBody = z.infer<typeof StudentRecordBody>;
export type StudentRecordView = z.infer<typeof StudentRecordView>;
