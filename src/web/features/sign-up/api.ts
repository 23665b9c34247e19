/** Students joining by their university (src/server/routes/sign-up.ts). */
import type {
  SignUpAnswer,
  SignUpBody,
  SignUpConfirmed,
  StudentDomainList,
  StudentRecordBody,
  StudentRecordView,
} from '../../../server/routes/sign-up.schema.ts';
import { apiRequest } from '../../api/client.ts';

export type { StudentDomainList, StudentRecordView };

/** The shortest password the server accepts: the password rules' own figure. */
export { MIN_PASSWORD_LENGTH } from '../../../domain/access/passwords.ts';

export const signUp = (body: SignUpBody) =>
  apiRequest<SignUpAnswer>('/sign-up', { method: 'POST', body });

export const verifySignUp = (token: string) =>
  apiRequest<SignUpConfirmed>('/sign-up/verify', { method: 'POST', body: { token } });

const domainsPath = (institutionId: string) =>
  `/institutions/${encodeURIComponent(institutionId)}/student-domains`;

export const studentDomains = (institutionId: string, signal?: AbortSignal) =>
  apiRequest<StudentDomainList>(domainsPath(institutionId), { signal });

export const addStudentDomain = (institutionId: string, domain: string, csrfToken: string) =>
  apiRequest<StudentDomainList>(domainsPath(institutionId), {
    method: 'POST',
    body: { domain },
    csrfToken,
  });

export const removeStudentDomain = (institutionId: string, domain: string, csrfToken: string) =>
  apiRequest<StudentDomainList>(`${domainsPath(institutionId)}/${encodeURIComponent(domain)}`, {
    method: 'DELETE',
    csrfToken,
  });

const recordPath = (userId: string) => `/students/${encodeURIComponent(userId)}/record`;

export const studentRecord = (userId: string, signal?: AbortSignal) =>
  apiRequest<StudentRecordView>(recordPath(userId), { signal });

export const saveStudentRecord = (userId: string, body: StudentRecordBody, csrfToken: string) =>
  apiRequest<StudentRecordView>(recordPath(userId), { method: 'PUT', body, csrfToken });
