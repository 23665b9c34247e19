/** Alumni associations, their directory, and the signed-in person's alumni profile and mentors. */
import type {
  AssociationBody,
  AssociationDetail,
  AssociationList,
  DeriveResult,
  Directory,
  MyAlumni,
  MyMentors,
  ProfileBody,
} from '../../../server/routes/alumni.schema.ts';
import type { z } from 'zod';
import { apiRequest } from '../../api/client.ts';

export type { AssociationDetail, AssociationList, Directory, MyAlumni, MyMentors };
export type ProfileInput = z.input<typeof ProfileBody>;
export type AssociationInput = z.input<typeof AssociationBody>;
export type DirectoryItem = Directory['items'][number];
export type MyAlumniRecord = MyAlumni['items'][number];

const enc = encodeURIComponent;

export const listAssociations = (signal?: AbortSignal) =>
  apiRequest<AssociationList>('/alumni-associations', { signal });

export const getAssociation = (id: string, signal?: AbortSignal) =>
  apiRequest<AssociationDetail>(`/alumni-associations/${enc(id)}`, { signal });

export const searchDirectory = (id: string, q: string, signal?: AbortSignal) =>
  apiRequest<Directory>(`/alumni-associations/${enc(id)}/directory`, {
    signal,
    query: q ? { q } : {},
  });

export const deriveAlumni = (id: string, csrfToken: string) =>
  apiRequest<z.infer<typeof DeriveResult>>(`/alumni-associations/${enc(id)}/derive`, {
    method: 'POST',
    csrfToken,
  });

export const myAlumni = (signal?: AbortSignal) => apiRequest<MyAlumni>('/me/alumni', { signal });

export const saveMyAlumni = (id: string, body: ProfileInput, csrfToken: string) =>
  apiRequest<MyAlumni>(`/me/alumni/${enc(id)}`, { method: 'PUT', body, csrfToken });

export const myMentors = (signal?: AbortSignal) => apiRequest<MyMentors>('/me/mentors', { signal });

export const setMenteeWish = (
  mobilityId: string,
  body: { optedIn: boolean; fieldOfStudy: string | null },
  csrfToken: string,
) => apiRequest<MyMentors>(`/me/mentors/${enc(mobilityId)}`, { method: 'PUT', body, csrfToken });

export const addMeeting = (
  id: string,
  body: {
    heldOn: string;
    number: number | null;
    title: Record<string, string>;
    minutes: Record<string, string>;
    eventId: string | null;
  },
  csrfToken: string,
) =>
  apiRequest<AssociationDetail>(`/alumni-associations/${enc(id)}/meetings`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const createAssociation = (body: AssociationInput, csrfToken: string) =>
  apiRequest<AssociationDetail>('/alumni-associations', { method: 'POST', body, csrfToken });

/** The calendar's general conferences a meeting may be linked to (the events area's list). */
export const listGeneralConferences = (signal?: AbortSignal) =>
  apiRequest<{
    items: { id: string; title: Record<string, string | undefined>; startsOn: string }[];
  }>('/events', { query: { kind: 'general_conference' }, signal });

/** The programs an association may be of (the programs area's list). */
export const listProgramOptions = (signal?: AbortSignal) =>
  apiRequest<{ items: { id: string; name: string; names?: Record<string, string> | null }[] }>(
    '/programs',
    { signal },
  );
