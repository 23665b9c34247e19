/**
 * Learning agreements: what the student studies at the host (catalogue courses), what each course
 * is recognised as at home, with credits in both systems; three signatures (student, home, host);
 * every version kept; changes after signing are proposals all three approve.
 *
 * Model (EWP OMobility LAs API v1): every version is immutable once created and numbered
 * 1, 2, …. A version is `proposed` until all three parties sign it (`approved`), a party rejects it
 * (`rejected`, with a comment) or a newer proposal replaces it (`superseded`). The first approved
 * version is EWP's `first-version`; the latest approved one is `approved-changes`; a pending one is
 * `changes-proposal` and its number is the proposal id. An approval names the version it approves:
 * when that is not the pending proposal, it is refused as stale — EWP's HTTP 409.
 *
 * Before anyone has signed the first version the same mechanism edits the draft: each edit is a
 * new proposal that supersedes the last, so signatures given on an older draft never carry over.
 *
 * R7 (003 §5(7)): recognition is agreed before departure, in this document. Most learning
 * agreements change after signing, so changes are first-class.
 */
import { CREDIT_SYSTEMS } from './credit-systems.ts';
import type { CreditSystemId, Credits } from './credit-systems.ts';
import { fail, ok, refuse } from './types.ts';
import type { LocalizedText, Refusal, Result } from './types.ts';

export const LA_PARTIES = ['student', 'home', 'host'] as const;
export type LaParty = (typeof LA_PARTIES)[number];

/** A course as it appears in a catalogue: code, titles, credits in the institution's system. */
export type CourseRef = { code: string; title: LocalizedText; credits: Credits };

export type LaComponent = {
  /** Stable within the agreement: a change to a course keeps its id (diffs follow ids). */
  id: string;
  /** The course at the host (EWP `components-studied`), credits in the host's system. */
  host: CourseRef & { term?: string | undefined; online?: boolean | undefined };
  /**
   * What it is recognised as at home (EWP `components-recognized`), credits in the home system.
   * `code: null` = free elective credits, not a named home course.
   */
  home: { code: string | null; title: LocalizedText; credits: Credits };
  /** Conditions of recognition agreed in advance (EWP `recognition-conditions`). */
  conditions?: string | undefined;
};

/** EWP LA change reason codes, plus `other` (a text is then expected). */
export const CHANGE_REASONS = [
  'not-available',
  'language-mismatch',
  'timetable-conflict',
  'substituting-deleted',
  'extending-mobility',
  'adding-virtual-component',
  'other',
] as const;
export type ChangeReason = (typeof CHANGE_REASONS)[number];

export type LaChange =
  | { kind: 'insert'; component: LaComponent; reason: ChangeReason; reasonText?: string }
  | { kind: 'update'; component: LaComponent; reason: ChangeReason; reasonText?: string }
  | { kind: 'delete'; componentId: string; reason: ChangeReason; reasonText?: string };

export type LaSignature = {
  party: LaParty;
  signerName: string;
  signerPosition?: string | undefined;
  signerEmail?: string | undefined;
  /** ISO timestamp, from the caller's clock. */
  signedAt: string;
  /** The platform user who signed. */
  actorId?: string | undefined;
};

export type LaVersionStatus = 'proposed' | 'approved' | 'rejected' | 'superseded';

export type LaVersion = {
  number: number;
  /** The approved version this one changes; null while nothing has been approved. */
  basedOn: number | null;
  components: readonly LaComponent[];
  /** The changes against `basedOn` (or against the previous draft), as proposed. */
  changes: readonly LaChange[];
  status: LaVersionStatus;
  proposedBy: LaParty;
  proposedAt: string;
  signatures: Partial<Record<LaParty, LaSignature>>;
  rejection: { party: LaParty; comment: string; at: string } | null;
};

export type LearningAgreement = {
  id: string;
  mobilityId: string;
  homeInstitutionId: string;
  hostInstitutionId: string;
  homeCreditSystem: CreditSystemId;
  hostCreditSystem: CreditSystemId;
  /** Every version, oldest first; `versions[n - 1].number === n`. */
  versions: readonly LaVersion[];
};

export type LaEvent = {
  type: 'la.proposed' | 'la.signed' | 'la.approved' | 'la.rejected';
  learningAgreementId: string;
  mobilityId: string;
  version: number;
  party: LaParty;
  at: string;
  /** Who is told (the parties other than the one acting; all three on approval). */
  notify: readonly LaParty[];
};

export type LaRefusalCode =
  | 'recognition.la_component_id_missing'
  | 'recognition.la_host_code_missing'
  | 'recognition.la_host_title_missing'
  | 'recognition.la_wrong_credit_system'
  | 'recognition.la_credits_not_positive'
  | 'recognition.la_unknown_credit_system'
  | 'recognition.la_duplicate_component'
  | 'recognition.la_component_changed_twice'
  | 'recognition.la_unknown_component'
  | 'recognition.la_no_components'
  | 'recognition.la_no_changes'
  | 'recognition.la_reason_text_required'
  | 'recognition.la_stale'
  | 'recognition.la_version_not_pending'
  | 'recognition.la_no_pending_proposal'
  | 'recognition.la_already_signed'
  | 'recognition.la_comment_required';

export type LaResult = Result<{ agreement: LearningAgreement; events: LaEvent[] }, LaRefusalCode>;

const others = (p: LaParty): LaParty[] => LA_PARTIES.filter((q) => q !== p);

/** How a refusal names a component: its host course's title (or its code, or its id). */
function courseOf(c: Pick<LaComponent, 'id' | 'host'>): LocalizedText {
  const titled = Object.values(c.host.title).some((t) => t?.trim());
  return titled ? c.host.title : { en: c.host.code.trim() || c.id };
}

function checkComponent(
  c: LaComponent,
  hostSystem: CreditSystemId,
  homeSystem: CreditSystemId,
): Refusal<LaRefusalCode> | null {
  if (!c.id.trim()) {
    return refuse('recognition.la_component_id_missing', 'a component needs an id');
  }
  const course = courseOf(c);
  if (!c.host.code.trim()) {
    return refuse(
      'recognition.la_host_code_missing',
      `component ${c.id}: the host course needs a code`,
      { course },
    );
  }
  if (Object.values(c.host.title).every((t) => !t?.trim())) {
    return refuse(
      'recognition.la_host_title_missing',
      `component ${c.id}: the host course needs a title`,
      { course },
    );
  }
  for (const [side, given, expected] of [
    ['host', c.host.credits.system, hostSystem],
    ['home', c.home.credits.system, homeSystem],
  ] as const) {
    if (given !== expected) {
      return refuse(
        'recognition.la_wrong_credit_system',
        `component ${c.id}: ${side} credits must be in ${expected}, not ${given}`,
        { course, side, expected, given },
      );
    }
  }
  for (const [side, v] of [
    ['host', c.host.credits.value],
    ['home', c.home.credits.value],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0) {
      return refuse(
        'recognition.la_credits_not_positive',
        `component ${c.id}: ${side} credits must be > 0`,
        { course, side },
      );
    }
  }
  return null;
}

function checkComponents(
  components: readonly LaComponent[],
  la: Pick<LearningAgreement, 'hostCreditSystem' | 'homeCreditSystem'>,
): Refusal<LaRefusalCode> | null {
  if (components.length === 0) {
    return refuse(
      'recognition.la_no_components',
      'a learning agreement lists at least one component',
    );
  }
  const seen = new Set<string>();
  for (const c of components) {
    const problem = checkComponent(c, la.hostCreditSystem, la.homeCreditSystem);
    if (problem) return problem;
    if (seen.has(c.id)) {
      return refuse('recognition.la_duplicate_component', `component ${c.id} appears twice`, {
        course: courseOf(c),
      });
    }
    seen.add(c.id);
  }
  return null;
}

export type DraftInput = {
  id: string;
  mobilityId: string;
  homeInstitutionId: string;
  hostInstitutionId: string;
  homeCreditSystem: CreditSystemId;
  hostCreditSystem: CreditSystemId;
  components: readonly LaComponent[];
  proposedBy: LaParty;
  at: string;
};

/** Creates a learning agreement with its first version proposed (nobody has signed yet). */
export function draftLearningAgreement(input: DraftInput): LaResult {
  if (!(input.homeCreditSystem in CREDIT_SYSTEMS) || !(input.hostCreditSystem in CREDIT_SYSTEMS)) {
    return fail('recognition.la_unknown_credit_system', 'unknown credit system');
  }
  const problem = checkComponents(input.components, input);
  if (problem) return { ok: false, refusal: problem };
  const agreement: LearningAgreement = {
    id: input.id,
    mobilityId: input.mobilityId,
    homeInstitutionId: input.homeInstitutionId,
    hostInstitutionId: input.hostInstitutionId,
    homeCreditSystem: input.homeCreditSystem,
    hostCreditSystem: input.hostCreditSystem,
    versions: [
      {
        number: 1,
        basedOn: null,
        components: [...input.components],
        changes: [],
        status: 'proposed',
        proposedBy: input.proposedBy,
        proposedAt: input.at,
        signatures: {},
        rejection: null,
      },
    ],
  };
  return ok({
    agreement,
    events: [event(agreement, 'la.proposed', 1, input.proposedBy, input.at)],
  });
}

function event(
  la: LearningAgreement,
  type: LaEvent['type'],
  version: number,
  party: LaParty,
  at: string,
): LaEvent {
  return {
    type,
    learningAgreementId: la.id,
    mobilityId: la.mobilityId,
    version,
    party,
    at,
    notify: type === 'la.approved' ? LA_PARTIES : others(party),
  };
}

/** The latest version signed by all three, or null before the first signing is complete. */
export function currentVersion(la: LearningAgreement): LaVersion | null {
  for (let i = la.versions.length - 1; i >= 0; i--) {
    const v = la.versions[i];
    if (v?.status === 'approved') return v;
  }
  return null;
}

/** The proposal waiting for signatures, if any (it is always the latest version). */
export function pendingProposal(la: LearningAgreement): LaVersion | null {
  const last = la.versions[la.versions.length - 1];
  return last?.status === 'proposed' ? last : null;
}

export function latestVersion(la: LearningAgreement): LaVersion {
  const last = la.versions[la.versions.length - 1];
  if (!last) throw new Error(`learning agreement ${la.id} has no version`);
  return last;
}

export function versionOf(la: LearningAgreement, n: number): LaVersion | null {
  return la.versions[n - 1] ?? null;
}

/** True once student, home and host have all signed one version. */
export function isSigned(la: LearningAgreement): boolean {
  return currentVersion(la) !== null;
}

export type ProposeInput = {
  /** The latest version number the proposer saw; anything newer makes the proposal stale. */
  baseVersion: number;
  changes: readonly LaChange[];
  proposedBy: LaParty;
  at: string;
};

/**
 * R7: proposes a new version. Changes apply to the current approved version, or, before the
 * first signing, to the latest draft. A pending proposal is superseded.
 */
export function proposeChanges(la: LearningAgreement, input: ProposeInput): LaResult {
  const latest = latestVersion(la);
  if (input.baseVersion !== latest.number) {
    return fail(
      'recognition.la_stale',
      `version ${input.baseVersion} is not the latest (${latest.number}): reload and propose again`,
      { given: input.baseVersion, latest: latest.number },
    );
  }
  if (input.changes.length === 0) {
    return fail('recognition.la_no_changes', 'a proposal changes something');
  }
  const approved = currentVersion(la);
  const base = approved ?? latest;
  const byId = new Map(base.components.map((c) => [c.id, c]));
  const touched = new Set<string>();
  for (const ch of input.changes) {
    const id = ch.kind === 'delete' ? ch.componentId : ch.component.id;
    const known = byId.get(id);
    const course =
      ch.kind === 'delete' ? (known ? courseOf(known) : { en: id }) : courseOf(ch.component);
    if (touched.has(id)) {
      return fail(
        'recognition.la_component_changed_twice',
        `component ${id} is changed twice in one proposal`,
        { course },
      );
    }
    touched.add(id);
    if (ch.reason === 'other' && !ch.reasonText?.trim()) {
      return fail('recognition.la_reason_text_required', `say why component ${id} changes`, {
        course,
      });
    }
    if (ch.kind === 'insert') {
      if (byId.has(id)) {
        return fail('recognition.la_duplicate_component', `component ${id} already exists`, {
          course,
        });
      }
      byId.set(id, ch.component);
    } else if (!byId.has(id)) {
      return fail(
        'recognition.la_unknown_component',
        `component ${id} is not in version ${base.number}`,
        { course, version: base.number },
      );
    } else if (ch.kind === 'update') {
      byId.set(id, ch.component);
    } else {
      byId.delete(id);
    }
  }
  const components = [...byId.values()];
  const problem = checkComponents(components, la);
  if (problem) return { ok: false, refusal: problem };

  const number = latest.number + 1;
  const versions = la.versions.map((v) =>
    v.status === 'proposed' ? { ...v, status: 'superseded' as const } : v,
  );
  versions.push({
    number,
    basedOn: approved?.number ?? null,
    components,
    changes: [...input.changes],
    status: 'proposed',
    proposedBy: input.proposedBy,
    proposedAt: input.at,
    signatures: {},
    rejection: null,
  });
  const agreement = { ...la, versions };
  return ok({
    agreement,
    events: [event(agreement, 'la.proposed', number, input.proposedBy, input.at)],
  });
}

/**
 * R7: one party signs the pending proposal, naming its version. The third signature approves it.
 * Signing any other version is refused as stale.
 */
export function approveVersion(
  la: LearningAgreement,
  version: number,
  signature: LaSignature,
): LaResult {
  const pending = pendingProposal(la);
  if (!pending) {
    return fail('recognition.la_no_pending_proposal', 'there is no proposal to sign');
  }
  if (version !== pending.number) {
    return fail(
      'recognition.la_version_not_pending',
      `version ${version} is no longer the proposal to sign: version ${pending.number} is`,
      { given: version, pending: pending.number },
    );
  }
  if (pending.signatures[signature.party]) {
    return fail(
      'recognition.la_already_signed',
      `the ${signature.party} has already signed version ${version}`,
      { party: signature.party, version },
    );
  }
  const signatures = { ...pending.signatures, [signature.party]: signature };
  const complete = LA_PARTIES.every((p) => signatures[p]);
  const updated: LaVersion = {
    ...pending,
    signatures,
    status: complete ? 'approved' : 'proposed',
  };
  const agreement = {
    ...la,
    versions: la.versions.map((v) => (v.number === version ? updated : v)),
  };
  const events = [event(agreement, 'la.signed', version, signature.party, signature.signedAt)];
  if (complete) {
    events.push(event(agreement, 'la.approved', version, signature.party, signature.signedAt));
  }
  return ok({ agreement, events });
}

/** A party turns the pending proposal down, with a comment (EWP `comment-proposal`). */
export function rejectVersion(
  la: LearningAgreement,
  version: number,
  input: { party: LaParty; comment: string; at: string },
): LaResult {
  const pending = pendingProposal(la);
  if (!pending) {
    return fail('recognition.la_no_pending_proposal', 'there is no proposal to reject');
  }
  if (version !== pending.number) {
    return fail(
      'recognition.la_version_not_pending',
      `version ${version} is no longer the proposal: version ${pending.number} is`,
      { given: version, pending: pending.number },
    );
  }
  const comment = input.comment.trim();
  if (!comment) {
    return fail(
      'recognition.la_comment_required',
      'say why the proposal is rejected',
      {},
      {
        field: 'body.comment',
      },
    );
  }
  const updated: LaVersion = {
    ...pending,
    status: 'rejected',
    rejection: { party: input.party, comment, at: input.at },
  };
  const agreement = {
    ...la,
    versions: la.versions.map((v) => (v.number === version ? updated : v)),
  };
  return ok({
    agreement,
    events: [event(agreement, 'la.rejected', version, input.party, input.at)],
  });
}

export type ComponentDiff = {
  added: LaComponent[];
  removed: LaComponent[];
  changed: { id: string; before: LaComponent; after: LaComponent; fields: string[] }[];
};

/** Leaf paths whose values differ, e.g. `host.credits.value`, `home.title.ja`. */
function changedFields(a: unknown, b: unknown, path: string, out: string[]): void {
  if (a === b) return;
  const isObj = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) changedFields(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (a === undefined && b === undefined) return;
  out.push(path);
}

/** R7: components added, removed and changed (by id) from version `a` to version `b`. */
export function diffVersions(
  a: Pick<LaVersion, 'components'>,
  b: Pick<LaVersion, 'components'>,
): ComponentDiff {
  const before = new Map(a.components.map((c) => [c.id, c]));
  const after = new Map(b.components.map((c) => [c.id, c]));
  const diff: ComponentDiff = { added: [], removed: [], changed: [] };
  for (const c of b.components) if (!before.has(c.id)) diff.added.push(c);
  for (const c of a.components) {
    const next = after.get(c.id);
    if (!next) {
      diff.removed.push(c);
      continue;
    }
    const fields: string[] = [];
    changedFields(c, next, '', fields);
    if (fields.length > 0) diff.changed.push({ id: c.id, before: c, after: next, fields });
  }
  return diff;
}

/** Which LA party an actor signs as: the student, or a coordinator of the home or host side. */
export function laPartyOf(actor: { role: string; side: 'home' | 'host' | null }): LaParty | null {
  if (actor.role === 'student') return 'student';
  if (actor.role === 'coordinator' && actor.side) return actor.side;
  return null;
}

/** Total credits of a version on each side. */
export function versionCredits(
  la: LearningAgreement,
  v: Pick<LaVersion, 'components'>,
): { host: Credits; home: Credits } {
  const sum = (xs: number[]) => Number(xs.reduce((s, x) => s + x, 0).toFixed(6));
  return {
    host: {
      value: sum(v.components.map((c) => c.host.credits.value)),
      system: la.hostCreditSystem,
    },
    home: {
      value: sum(v.components.map((c) => c.home.credits.value)),
      system: la.homeCreditSystem,
    },
  };
}
