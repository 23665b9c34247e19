/**
 * The recognition scenario on the pure core: a nominated student's learning agreement is signed by
 * three parties, a change is proposed and approved, the host enters grades, home recognises, the
 * student sees credits — with the mobility moving through its state table alongside.
 */
import { describe, expect, it } from 'vitest';
import { nominate, transition } from '../mobility/mobility-workflow.ts';
import type {
  Mobility,
  MobilityAction,
  MobilityActor,
  TransitionInput,
} from '../mobility/mobility-workflow.ts';
import {
  approveVersion,
  currentVersion,
  diffVersions,
  draftLearningAgreement,
  laPartyOf,
  proposeChanges,
  versionOf,
} from './learning-agreement.ts';
import type { LaComponent, LaResult, LearningAgreement } from './learning-agreement.ts';
import {
  addToEquivalenceTable,
  agreementComponent,
  decideRecognition,
  recognitionRate,
  suggestRecognition,
} from './recognition.ts';
import type { EquivalenceTable, RecognitionDecision, TranscriptEntry } from './recognition.ts';
import { defineRecognitionSystem } from './recognition-system.ts';
import { convertCredits } from './credit-systems.ts';

const HOME = 'tohoku.ac.jp';
const HOST = 'nsu.ru';
const home: MobilityActor = { role: 'coordinator', side: 'home', id: 'u-tohoku' };
const host: MobilityActor = { role: 'coordinator', side: 'host', id: 'u-nsu' };
const student: MobilityActor = { role: 'student', side: null, id: 'u-student-invented' };

const SYSTEM = defineRecognitionSystem({
  id: 'rs-tohoku-ru',
  name: { en: 'Tohoku–Russia common recognition system' },
  description: { en: 'Item 13 of the dossier.' },
  gradeScaleIds: ['ru-5', 'jp-sabcf'],
  consents: [HOME, HOST].map((institutionId) => ({
    institutionId,
    via: 'agreement-clause' as const,
    documentRef: 'consortium agreement §9',
    agreedOn: '2026-01-10',
  })),
});

/** Host credits in зачётные единицы; home credits converted to 単位 by the agreed policy. */
function component(id: string, code: string, ze: number): LaComponent {
  const tan = convertCredits(ze, 'ru-ze', 'jp-tan-i', SYSTEM.creditPolicy).value;
  return {
    id,
    host: { code, title: { ru: code }, credits: { value: ze, system: 'ru-ze' } },
    home: { code: `TH-${code}`, title: { ja: code }, credits: { value: tan, system: 'jp-tan-i' } },
  };
}

function must(r: LaResult): LearningAgreement {
  if (!r.ok) throw new Error(`${r.refusal.code}: ${r.refusal.message}`);
  return r.value.agreement;
}

describe('the recognition scenario on the pure core', () => {
  it('R7, R16: nominated → LA signed by three → change approved → grades → recognised credits', () => {
    let m: Mobility;
    const step = (
      action: MobilityAction,
      by: MobilityActor,
      input: Omit<TransitionInput, 'at'>,
    ) => {
      const r = transition(m, action, by, { at: '2026-09-01T00:00:00Z', ...input });
      if (!r.ok) throw new Error(`${action}: ${r.refusal.message}`);
      m = r.mobility;
    };
    const n = nominate('m-1', home, '2026-04-10T09:00:00+09:00');
    if (!n.ok) throw new Error('nomination refused');
    m = n.mobility;
    step('accept', host, {});

    // The LA: drafted by the student, signed by all three.
    let la = must(
      draftLearningAgreement({
        id: 'la-1',
        mobilityId: m.id,
        homeInstitutionId: HOME,
        hostInstitutionId: HOST,
        homeCreditSystem: 'jp-tan-i',
        hostCreditSystem: 'ru-ze',
        components: [component('c1', 'RUS-201', 5), component('c2', 'GEO-310', 3)],
        proposedBy: 'student',
        at: '2026-05-01T10:00:00+09:00',
      }),
    );
    for (const a of [student, home, host]) {
      const party = laPartyOf(a)!;
      la = must(
        approveVersion(la, 1, { party, signerName: party, signedAt: '2026-05-02T10:00:00Z' }),
      );
    }
    step('confirm_learning_agreement', home, {
      learningAgreementVersion: currentVersion(la)!.number,
    });
    step('depart', student, { date: '2026-09-01' });
    step('confirm_arrival', host, { date: '2026-09-02' });

    // A change after signing: GEO-310 is not offered; ECO-220 replaces it. All three approve.
    la = must(
      proposeChanges(la, {
        baseVersion: 1,
        changes: [
          { kind: 'delete', componentId: 'c2', reason: 'not-available' },
          {
            kind: 'insert',
            component: component('c3', 'ECO-220', 4),
            reason: 'substituting-deleted',
          },
        ],
        proposedBy: 'student',
        at: '2026-09-20T10:00:00Z',
      }),
    );
    for (const party of ['student', 'host', 'home'] as const) {
      la = must(
        approveVersion(la, 2, { party, signerName: party, signedAt: '2026-09-21T10:00:00Z' }),
      );
    }
    expect(currentVersion(la)?.number).toBe(2);
    const diff = diffVersions(versionOf(la, 1)!, versionOf(la, 2)!);
    expect([diff.added.map((c) => c.id), diff.removed.map((c) => c.id)]).toEqual([['c3'], ['c2']]);

    step('complete', host, { date: '2027-01-31' });
    // The host enters grades.
    const transcript: TranscriptEntry[] = [
      {
        componentId: 'c1',
        hostCourseCode: 'RUS-201',
        status: 'passed',
        grade: 'отлично',
        gradeScaleId: 'ru-5',
        credits: { value: 5, system: 'ru-ze' },
      },
      {
        componentId: 'c3',
        hostCourseCode: 'ECO-220',
        status: 'passed',
        grade: '4',
        gradeScaleId: 'ru-5',
        credits: { value: 3, system: 'ru-ze' },
      },
    ];
    step('issue_transcript', host, { transcriptRef: 'tor-m-1' });

    // Home recognises each component of the current version, reusing the equivalence table.
    let table: EquivalenceTable = [];
    const decisions: RecognitionDecision[] = [];
    for (const line of transcript) {
      const got = agreementComponent(la, line.componentId);
      if (!got.ok) throw new Error(got.refusal.message);
      const c = got.value.component;
      const suggestion = suggestRecognition(table, c, {
        hostInstitutionId: HOST,
        homeInstitutionId: HOME,
      });
      expect(suggestion).toBeNull(); // the first time these pairs are seen
      const short = line.credits.value < c.host.credits.value;
      const d = decideRecognition({
        subject: got.value.subject,
        component: c,
        homeInstitutionId: HOME,
        hostInstitutionId: HOST,
        system: SYSTEM,
        transcript: line,
        outcome: short ? 'partial' : 'full',
        credits: short ? 1.5 : undefined,
        reason: short ? 'the host awarded 3 of 4 credit units' : undefined,
        homeGradeScaleId: 'jp-sabcf',
        decidedBy: 'u-tohoku',
        at: '2027-02-15T10:00:00+09:00',
      });
      if (!d.ok) throw new Error(d.refusal.message);
      decisions.push(d.value);
      table = addToEquivalenceTable(table, d.value);
    }
    step('recognise', home, {});
    expect(m!.state).toBe('recognised');

    // What the student sees.
    expect(
      decisions.map((d) => [
        d.hostCourseCode,
        d.outcome,
        d.creditsRecognised.value,
        d.grade?.home?.grade,
      ]),
    ).toEqual([
      ['RUS-201', 'full', 3, 'S'], // 5 з.е. = 135 h → 3 単位; отлично → S
      ['ECO-220', 'partial', 1.5, 'A'], // 4 з.е. planned (2.5 単位), 3 awarded
    ]);
    const rate = recognitionRate(
      decisions,
      currentVersion(la)!.components.map((c) => c.id),
    );
    expect(rate).toMatchObject({
      creditsPlanned: { value: 5.5, system: 'jp-tan-i' },
      creditsRecognised: { value: 4.5, system: 'jp-tan-i' },
      pending: 0,
    });
    expect(rate.rate).toBeCloseTo(4.5 / 5.5, 4);
    // The table now suggests for the next student on the same pairs.
    expect(
      suggestRecognition(table, component('c1', 'RUS-201', 5), {
        hostInstitutionId: HOST,
        homeInstitutionId: HOME,
      }),
    ).toMatchObject({ outcome: 'full', credits: 3 });
  });
});
