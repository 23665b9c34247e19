/**
 * Saving the event form: the event's details, then each session, then each new contribution, one
 * request each (the API checks a session against the others as it is placed); sessions and
 * contributions taken out since `initial` are deleted. A failure names the step, so that the
 * server's field messages land on that session's or contribution's fields; what was created
 * before it keeps its id and is not created twice.
 */
import { fieldIssues } from '../../api/client.ts';
import type { FieldIssue } from '../../lib/field-errors.ts';
import {
  createContribution,
  createEvent,
  createSession,
  removeContribution,
  removeSession,
  updateContribution,
  updateEvent,
  updateSession,
  type EventDetail,
} from './api.ts';
import { contentOf, contributionOf, sessionOf, type Draft } from './event-draft.ts';

export type Step =
  | { kind: 'event' }
  | { kind: 'session'; index: number }
  | { kind: 'contribution'; index: number; contribution: number };

export class StepFailure extends Error {
  constructor(
    readonly step: Step,
    override readonly cause: unknown,
    readonly eventId: string | null,
    readonly draft: Draft,
  ) {
    super('a step of saving the event failed');
  }
}

/** The server's field messages of a failed step, named as the form's fields are. */
export function stepIssues(failure: StepFailure | null): FieldIssue[] {
  if (!failure) return [];
  const { step } = failure;
  const prefix =
    step.kind === 'event'
      ? 'body'
      : step.kind === 'session'
        ? `body.sessions[${step.index}]`
        : `body.sessions[${step.index}].contributions[${step.contribution}]`;
  return fieldIssues(failure.cause).map((issue) => ({
    ...issue,
    field: issue.field.replace(/^body/, prefix),
  }));
}

const newId = (before: readonly { id: string }[], after: readonly { id: string }[]) => {
  const known = new Set(before.map((x) => x.id));
  return after.find((x) => !known.has(x.id))?.id ?? null;
};

/** Saves the draft; resolves to the event's id, or throws a StepFailure. */
export async function saveEvent(
  eventId: string | null,
  initial: Draft,
  start: Draft,
  csrf: string,
): Promise<string> {
  const initialSessionIds = initial.sessions.flatMap((s) => (s.id ? [s.id] : []));
  let id = eventId;
  let draft = start;
  let step: Step = { kind: 'event' };
  try {
    let saved: EventDetail = id
      ? await updateEvent(id, contentOf(draft), csrf)
      : await createEvent(contentOf(draft), csrf);
    id = saved.id;
    const kept = new Set(draft.sessions.map((s) => s.id));
    for (const gone of initialSessionIds.filter((s) => !kept.has(s))) {
      if (saved.sessions.some((s) => s.id === gone)) await removeSession(gone, csrf);
    }
    for (const [index, session] of draft.sessions.entries()) {
      step = { kind: 'session', index };
      let sessionId = session.id;
      if (sessionId) {
        saved = await updateSession(sessionId, sessionOf(session), csrf);
      } else {
        const before = saved.sessions;
        saved = await createSession(id, sessionOf(session), csrf);
        sessionId = newId(before, saved.sessions);
        const assigned = sessionId;
        draft = {
          ...draft,
          sessions: draft.sessions.map((s, i) => (i === index ? { ...s, id: assigned } : s)),
        };
      }
      if (!sessionId) continue;
      // Contributions taken out of a session that stays are removed; the others saved in order.
      const before = initial.sessions.find((s) => s.id === sessionId)?.contributions ?? [];
      const keptContributions = new Set(session.contributions.map((c) => c.id));
      for (const gone of before.filter((c) => c.id && !keptContributions.has(c.id))) {
        await removeContribution(gone.id!, csrf);
      }
      for (const [contribution, c] of session.contributions.entries()) {
        step = { kind: 'contribution', index, contribution };
        if (c.id) {
          saved = await updateContribution(c.id, contributionOf(c, contribution), csrf);
          continue;
        }
        const before = saved.sessions.find((s) => s.id === sessionId)?.contributions ?? [];
        saved = await createContribution(sessionId, contributionOf(c, contribution), csrf);
        const after = saved.sessions.find((s) => s.id === sessionId)?.contributions ?? [];
        const cid = newId(before, after);
        draft = {
          ...draft,
          sessions: draft.sessions.map((s, i) =>
            i === index
              ? {
                  ...s,
                  contributions: s.contributions.map((x, j) =>
                    j === contribution ? { ...x, id: cid } : x,
                  ),
                }
              : s,
          ),
        };
      }
    }
    return id;
  } catch (cause) {
    throw new StepFailure(step, cause, id, draft);
  }
}
