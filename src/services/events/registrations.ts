/**
 * Registrations: a person registers (a place, a request awaiting approval, or the waiting list —
 * never an over-booked event), the organisers approve or refuse, anyone cancels their own; every
 * freed place moves the waiting list up in order and tells the people who moved up. Participant
 * lists show only those who consent, and only to those entitled to see them; check-in reads the
 * token of the confirmation's QR code.
 */
import { randomBytes } from 'node:crypto';
import type { RegistrationStatus } from '#src/domain/events/kinds.ts';
import { EVENT_CODES } from '#src/domain/events/refusal-codes.ts';
import {
  approvedStatus,
  mayListParticipants,
  moveUp,
  newRegistrationStatus,
  nextPosition,
  stepProblem,
  visibleParticipants,
} from '#src/domain/events/registration.ts';
import { wallClock } from '#src/domain/events/time.ts';
import { answersProblems, followUpOpen } from '#src/domain/events/follow-up.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import type { Db } from '#src/db/client.ts';
import { personNames } from '#src/db/queries/names.ts';
import {
  findEvent,
  findRegistration,
  insertRegistration,
  lockEvent,
  registrationByToken,
  registrationOf,
  registrationsOf,
  updateRegistration,
  type EventRow,
  type RegistrationRow,
} from '#src/db/queries/events.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, forbidden, notFound } from '../errors.ts';
import { notify } from '../notify/notify.ts';
import type { Mailer } from '../notify/mailer.ts';
import { eventResource, managedEvent, manages, refusedFields, visibleEvent } from './common.ts';
import { requireAccess } from '../access.ts';

/** A registration as its owner (and the organisers) see it. */
export function registrationView(r: RegistrationRow) {
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status as RegistrationStatus,
    position: r.position,
    listed: r.listed,
    answers: r.answers,
    checkInToken: r.status === 'confirmed' ? r.checkInToken : null,
    /** The path the QR code of the confirmation encodes (the web prefixes its origin). */
    checkInPath:
      r.status === 'confirmed'
        ? `/events/${r.eventId}/check-in/${encodeURIComponent(r.checkInToken)}`
        : null,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

function requireUser(ctx: ServiceContext): string {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor.id;
}

/** The registration's event, locked, and the registration, for a step on it. */
async function lockedRegistration(tx: Db, id: string) {
  const reg = await findRegistration(tx, id);
  if (!reg) throw notFound('registration', id);
  const event = (await lockEvent(tx, reg.eventId))!;
  // Re-read after the lock: another step may have changed it while we waited.
  return { event, reg: (await findRegistration(tx, id))! };
}

/**
 * Fills freed places from the waiting list, in order; each person who moves up is told. Returns
 * the mail to send once the transaction commits.
 */
async function fillFreedPlaces(ctx: ServiceContext, tx: Db, event: EventRow) {
  const regs = await registrationsOf(tx, event.id);
  const up = moveUp(event, regs);
  for (const id of up) {
    await updateRegistration(tx, id, {
      status: 'confirmed',
      position: null,
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, {
      action: 'event.move-up',
      resourceType: 'event_registration',
      resourceId: id,
      details: { eventId: event.id },
      before: { status: 'waiting' },
      after: { status: 'confirmed' },
    });
  }
  const users = regs.filter((r) => up.includes(r.id)).map((r) => r.userId);
  return notify(tx, users, {
    type: 'event.moved_up',
    params: { event: event.title, startsOn: event.startsOn },
    data: { eventId: event.id },
  });
}

/** A signed-in person registers: a place, a request for approval, or the waiting list. */
export async function register(
  ctx: ServiceContext,
  eventId: string,
  input: { listed?: boolean; answers?: Record<string, string> },
) {
  const userId = requireUser(ctx);
  const seen = await visibleEvent(ctx, eventId);
  requireAccess(ctx, 'event:register', eventResource(seen), { doing: 'register' });
  const unknown = answersProblems(seen.followUp, input.answers ?? {});
  if (unknown.length) throw refusedFields(unknown);
  const id = await ctx.db.transaction(async (tx) => {
    const event = (await lockEvent(tx, eventId))!;
    const today = wallClock(ctx.clock.now(), event.timeZone).date;
    if (today > event.endsOn)
      throw conflict(refusal(EVENT_CODES.registrationClosed, { endsOn: event.endsOn }));
    const existing = await registrationOf(tx, eventId, userId);
    if (existing && existing.status !== 'cancelled')
      throw conflict(refusal(EVENT_CODES.alreadyRegistered, { status: existing.status }));
    const regs = (await registrationsOf(tx, eventId)).filter((r) => r.id !== existing?.id);
    const status = newRegistrationStatus(event, regs);
    const values = {
      status,
      position: status === 'waiting' ? nextPosition(regs) : null,
      listed: input.listed ?? false,
      answers: input.answers ?? {},
      checkInToken: randomBytes(18).toString('base64url'),
      checkedInAt: null,
      updatedAt: ctx.clock.now(),
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await updateRegistration(tx, id, values);
    } else {
      id = await insertRegistration(tx, { ...values, eventId, userId });
    }
    await audit(tx, ctx, {
      action: 'event.register',
      resourceType: 'event_registration',
      resourceId: id,
      details: { eventId },
      after: { status, position: values.position, listed: values.listed },
    });
    return id;
  });
  return registrationView((await findRegistration(ctx.db, id))!);
}

/** The person cancels their registration (or an organiser does); the waiting list moves up. */
export async function cancelRegistration(ctx: ServiceContext, mailer: Mailer | null, id: string) {
  requireUser(ctx);
  const send = await ctx.db.transaction(async (tx) => {
    const { event, reg } = await lockedRegistration(tx, id);
    if (reg.userId !== ctx.actor!.id) {
      if (!manages(ctx, event)) throw notFound('registration', id);
    }
    const problem = stepProblem('cancel', reg.status as RegistrationStatus);
    if (problem) throw conflict(problem);
    await updateRegistration(tx, id, {
      status: 'cancelled',
      position: null,
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, {
      action: 'event.cancel',
      resourceType: 'event_registration',
      resourceId: id,
      details: { eventId: event.id },
      before: { status: reg.status },
      after: { status: 'cancelled' },
    });
    return fillFreedPlaces(ctx, tx, event);
  });
  await send(mailer);
  return registrationView((await findRegistration(ctx.db, id))!);
}

/** An organiser decides a request (approve) or refuses a registration; places move up. */
export async function decideRegistration(
  ctx: ServiceContext,
  mailer: Mailer | null,
  id: string,
  step: 'approve' | 'refuse',
) {
  requireUser(ctx);
  const send = await ctx.db.transaction(async (tx) => {
    const { event, reg } = await lockedRegistration(tx, id);
    if (!manages(ctx, event)) {
      if (reg.userId === ctx.actor!.id) throw forbidden(`${step} this registration`);
      throw notFound('registration', id);
    }
    const problem = stepProblem(step, reg.status as RegistrationStatus);
    if (problem) throw conflict(problem);
    const regs = (await registrationsOf(tx, event.id)).filter((r) => r.id !== id);
    const status = step === 'approve' ? approvedStatus(event, regs) : 'refused';
    await updateRegistration(tx, id, {
      status,
      position: status === 'waiting' ? nextPosition(regs) : null,
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, {
      action: step === 'approve' ? 'event.approve' : 'event.refuse',
      resourceType: 'event_registration',
      resourceId: id,
      details: { eventId: event.id },
      before: { status: reg.status },
      after: { status },
    });
    const told = await notify(tx, [reg.userId], {
      type: step === 'approve' ? 'event.approved' : 'event.refused',
      params: {
        event: event.title,
        startsOn: event.startsOn,
        context: step === 'approve' ? status : null,
      },
      data: { eventId: event.id },
    });
    const moved = step === 'refuse' ? await fillFreedPlaces(ctx, tx, event) : null;
    return async (m: Mailer | null) => {
      await told(m);
      await moved?.(m);
    };
  });
  await send(mailer);
  return registrationView((await findRegistration(ctx.db, id))!);
}

/** The person changes their consent to be listed or their follow-up answers. */
export async function updateMyRegistration(
  ctx: ServiceContext,
  id: string,
  input: { listed?: boolean; answers?: Record<string, string> },
) {
  const userId = requireUser(ctx);
  const reg = await findRegistration(ctx.db, id);
  if (!reg || reg.userId !== userId) throw notFound('registration', id);
  if (input.answers !== undefined) {
    if (!followUpOpen(reg.status))
      throw conflict(refusal(EVENT_CODES.followUpNotOpen, { status: reg.status }));
    const event = (await findEvent(ctx.db, reg.eventId))!;
    const unknown = answersProblems(event.followUp, input.answers);
    if (unknown.length) throw refusedFields(unknown);
  }
  await ctx.db.transaction(async (tx) => {
    const set = {
      ...(input.listed !== undefined ? { listed: input.listed } : {}),
      ...(input.answers !== undefined ? { answers: input.answers } : {}),
    };
    await updateRegistration(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: 'event.registration-update',
      resourceType: 'event_registration',
      resourceId: id,
      details: { eventId: reg.eventId },
      before: { listed: reg.listed, answers: reg.answers },
      after: { listed: input.listed ?? reg.listed, answers: input.answers ?? reg.answers },
    });
  });
  return registrationView((await findRegistration(ctx.db, id))!);
}

/**
 * The participants of an event: organisers see every active registration with its status;
 * others see only confirmed participants who consent to be listed, and only when the event is
 * public or they are registered themselves.
 */
export async function listParticipants(ctx: ServiceContext, eventId: string) {
  const event = await visibleEvent(ctx, eventId);
  const manager = manages(ctx, event);
  const regs = await registrationsOf(ctx.db, eventId);
  const own = ctx.actor ? regs.find((r) => r.userId === ctx.actor!.id) : undefined;
  if (
    !mayListParticipants({
      manager,
      eventPublic: event.visibility === 'public',
      ownStatus: (own?.status as RegistrationStatus | undefined) ?? null,
    })
  )
    throw forbidden('see the participants of this event');
  const shown = visibleParticipants(
    regs.map((r) => ({ ...r, status: r.status as RegistrationStatus })),
    manager,
  );
  const names = await personNames(
    ctx.db,
    shown.map((r) => r.userId),
  );
  return {
    manager,
    items: shown.map((r) =>
      manager
        ? {
            name: names.get(r.userId) ?? {},
            registrationId: r.id,
            userId: r.userId,
            status: r.status,
            position: r.position,
            listed: r.listed,
            answers: r.answers,
            checkedInAt: r.checkedInAt?.toISOString() ?? null,
          }
        : { name: names.get(r.userId) ?? {} },
    ),
  };
}

/** Check-in at the door: the token of the confirmation's QR code, read by an organiser. */
export async function checkIn(ctx: ServiceContext, eventId: string, token: string) {
  await managedEvent(ctx, eventId, 'check people in');
  const reg = await registrationByToken(ctx.db, token);
  if (!reg || reg.eventId !== eventId || reg.status !== 'confirmed')
    throw conflict(refusal(EVENT_CODES.checkInNotConfirmed));
  if (!reg.checkedInAt) {
    await ctx.db.transaction(async (tx) => {
      await updateRegistration(tx, reg.id, { checkedInAt: ctx.clock.now() });
      await audit(tx, ctx, {
        action: 'event.check-in',
        resourceType: 'event_registration',
        resourceId: reg.id,
        details: { eventId },
      });
    });
  }
  const fresh = (await findRegistration(ctx.db, reg.id))!;
  const names = await personNames(ctx.db, [fresh.userId]);
  return { ...registrationView(fresh), name: names.get(fresh.userId) ?? {} };
}

/** A registration of the signed-in person (the owner) or of an event the actor manages. */
export async function registrationFor(ctx: ServiceContext, id: string) {
  requireUser(ctx);
  const reg = await findRegistration(ctx.db, id);
  if (!reg) throw notFound('registration', id);
  if (reg.userId !== ctx.actor!.id) {
    const event = await visibleEvent(ctx, reg.eventId);
    if (!manages(ctx, event)) throw notFound('registration', id);
  }
  return reg;
}
