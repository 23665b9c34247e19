/**
 * Test data from factories. Each builder inserts one row (through the src/db/schema tables) and
 * builds the parents it needs when they are not given: `aCall(db)` makes a program, two consortia
 * with their universities and the agreement between them. Values are unique per call from a
 * counter (sequence.ts), never random, so a failing run gives the same rows again.
 *
 * When to use which:
 * - A factory, on an empty database (`createTestApp(engine, { seed: false })`), for any test of a
 *   behaviour: it names the rows it needs, so it does not break when the demo world changes and it
 *   says what matters (the role, the scope, the date) where the test reads.
 * - The demo world (`createTestApp(engine)`) only for tests about the demo world itself: that it
 *   loads (test/db/seed.test.ts), the S1 access matrix over its people (test/server/s1-matrix.test.ts),
 *   the end-to-end workflows (e2e/), and checks of figures that come from the source documents.
 * - Tests that need a record no factory builds yet (project applications, call applications and
 *   reviews, learning agreements, transcripts, courses, enrolment confirmations) still read the
 *   demo world; add the factory here when such a test is moved.
 *
 * People sign in with `signedInAs(app, user)` (FACTORY_PASSWORD), which gives the cookie and the
 * CSRF token for `inject()`; `asHeaders(session)` turns them into headers.
 */
export {
  aUser,
  anAdmin,
  aStudentUser,
  asHeaders,
  signedInAs,
  FACTORY_PASSWORD,
} from './accounts.ts';
export type { FactoryUser, RoleInput, UserInput } from './accounts.ts';
export { anInstitution, aConsortium } from './registry.ts';
export type { FactoryConsortium, FactoryInstitution } from './registry.ts';
export { aProgram } from './programs.ts';
export type { FactoryProgram } from './programs.ts';
export { anAgreement, agreementContent } from './agreements.ts';
export type { FactoryAgreement } from './agreements.ts';
export { aCall, aCommonRubric, aStudentProfile } from './calls.ts';
export type { FactoryCall } from './calls.ts';
export { aMobility, aSignedLearningAgreement, aTranscript } from './mobility.ts';
export type { ComponentInput, FactoryMobility } from './mobility.ts';
export { next, unique } from './sequence.ts';
export { aBankAccount, aPaymentBatch } from './money.ts';
