/**
 * Every refusal code of the events area (`refusals.<code>` in the translation files): the event's
 * own dates and zone, the programme (days, sessions, rooms), registrations and their list,
 * links and files, and minutes.
 */
export const EVENT_CODES = {
  /** The event ends before it starts (field: endsOn). */
  endsBeforeStarts: 'events.ends_before_starts',
  /** The time zone is not an IANA zone (field: timeZone; params: timeZone). */
  unknownTimeZone: 'events.unknown_time_zone',
  /** A session's day is not one of the event's days (field: day; params: day, startsOn, endsOn). */
  dayOutsideEvent: 'events.day_outside_event',
  /** A session ends before (or when) it starts (field: endTime; params: startTime, endTime). */
  sessionEndsBeforeStarts: 'events.session_ends_before_starts',
  /** Two sessions overlap in one room (field: room; params: room, other). */
  roomOverlap: 'events.room_overlap',
  /** New event days would leave sessions outside them (field: startsOn or endsOn; params: count). */
  sessionsOutsideDays: 'events.sessions_outside_days',
  /** A link is not an http(s) URL (field: the link; params: url). */
  linkNotHttp: 'events.link_not_http',
  /** A file is not of an allowed type (field: the link; params: extension, allowed). */
  fileTypeNotAllowed: 'events.file_type_not_allowed',
  /** The registration is not in a status the step applies to (params: status). */
  registrationWrongStatus: 'events.registration_wrong_status',
  /** The person is already registered (params: status). */
  alreadyRegistered: 'events.already_registered',
  /** Registration is closed: the event is over or cancelled (params: endsOn). */
  registrationClosed: 'events.registration_closed',
  /** The check-in token is unknown or the registration not confirmed. */
  checkInNotConfirmed: 'events.check_in_not_confirmed',
  /** A certificate is given only to someone who checked in. */
  certificateNotAttended: 'events.certificate_not_attended',
  /** An approved version of minutes is locked (params: version). */
  minutesLocked: 'events.minutes_locked',
  /** The series' rotation names no country (field: rotation.countries). */
  rotationEmpty: 'events.rotation_empty',
  /** The interval's shortest is longer than its longest (field: rotation.maxMonths). */
  rotationInterval: 'events.rotation_interval',
  /** A speaker is neither a registered person nor a named guest (field: speakerUserId). */
  speakerMissing: 'events.speaker_missing',
  /** A signing ceremony links a liaison office only (field: liaisonOfficeId; params: kind). */
  liaisonOnlyForSigning: 'events.liaison_only_for_signing',
  /** The ceremony already celebrates a liaison office (params: none). */
  liaisonAlreadyLinked: 'events.liaison_already_linked',
  /** A referenced record (series, liaison office, speaker) does not exist (field: its id). */
  unknownRecord: 'events.unknown_record',
  /** An answer to a question the event's follow-up form does not ask (field: answers.<id>; params: id). */
  unknownQuestion: 'events.unknown_question',
  /** The follow-up form opens once the place is confirmed (params: status). */
  followUpNotOpen: 'events.follow_up_not_open',
  /** The consortium is not one the event belongs to (field: audience.consortiumId). */
  consortiumNotOfEvent: 'events.consortium_not_of_event',
} as const;
export type EventCode = (typeof EVENT_CODES)[keyof typeof EVENT_CODES];

export const REFUSAL_CODES: readonly string[] = Object.values(EVENT_CODES);
