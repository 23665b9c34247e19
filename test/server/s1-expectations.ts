/**
 * The S1 expectations: for each route of the OpenAPI document, the outcome for each principal (in
 * the order of PRINCIPALS) on an object of Tohoku's world ("own") and one outside it ("other").
 * O = 2xx, A = 401, F = 403, N = 404, V = 400, R = 409/422, X = anything else. `skip` marks a
 * route the matrix cannot call without ending its own sessions (tested on its own).
 */
export const PRINCIPALS = [
  'anonymous',
  'student.tohoku',
  'reviewer',
  'coordinator.nsu',
  'coordinator.tohoku',
  'rep.hokudai',
  'rep.tohoku',
  'secretariat',
  'funder',
  'admin',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const EXPECTED: Record<string, { own: string; other: string } | 'skip'> = {
  'POST /api/v1/auth/sign-out': 'skip',
  'POST /api/v1/me/sign-out-everywhere': 'skip',
  'GET /api/health': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  // The sampled record is an unknown institution: a 404 for everyone signed in.
  'GET /api/v1/audit': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'GET /api/v1/advisories': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/advisories': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/advisories/{id}/lift': { own: 'AFFFFFFFRR', other: 'ANNNNNNNNN' },
  'POST /api/v1/advisories/{id}/overrides': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/agreements': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/agreements': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/agreements/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'PUT /api/v1/agreements/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/agreements/{id}/balance': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/agreements/{id}/recognition-rate': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/agreements/{id}/signatures': { own: 'AFFFRFRFFR', other: 'AFFFFFFFFR' },
  // The EWP file is for the agreement's coordinators; the sampled own agreement is between
  // consortia, refused (422) as not bilateral to those who may export it.
  'GET /api/v1/agreements/{id}/ewp.xml': { own: 'AFFFFFRFFR', other: 'AFFFFFFFFO' },
  'GET /api/v1/alliances/{id}/jukebox': { own: 'OOOOOOOOOO', other: 'NNNNNNNNNN' },
  'POST /api/v1/alliances/{id}/jukebox/{courseId}/enrolments': {
    own: 'ARFFFFFFFF',
    other: 'ANFFFFFFFF',
  },
  'GET /api/v1/allocation-runs': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/allocation-runs': { own: 'AFFFFFFFFO', other: 'AFFFFFFFFO' },
  // A job of the same run: its id is a random token, so any other id is refused as malformed.
  'POST /api/v1/allocation-jobs': { own: 'AFFFFFFFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/allocation-jobs/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // Only coordinators (rep.hokudai also coordinates Hokkaido) and admins may import; the matrix
  // sends no file, refused as malformed.
  'POST /api/v1/mobility-imports': { own: 'AFFVVVFFFV', other: 'AFFVVVFFFV' },
  // An import's id is a random token, so the sampled id is refused as malformed.
  'GET /api/v1/mobility-imports/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'DELETE /api/v1/mobility-imports/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/allocation-runs/{id}': { own: 'ANNOONONNO', other: 'ANNNNNNNNN' },
  // The sampled start date has passed: those who may publish are told so (400), nothing is published.
  'POST /api/v1/allocation-runs/{id}/publish': { own: 'ANNRVNVNNV', other: 'ANNNNNNNNN' },
  'POST /api/v1/auth/sign-in': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  // Public: the sampled address is malformed; a sampled link is unknown to everyone.
  'POST /api/v1/auth/password-reset': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'GET /api/v1/auth/password-reset/{token}': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /api/v1/auth/password-reset/{token}': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /api/v1/call-applications/{id}': { own: 'ANOOONONNO', other: 'ANOOONONNO' },
  'POST /api/v1/call-applications/{id}/documents': { own: 'ANFFFNFNNF', other: 'ANFFFNFNNF' },
  'GET /api/v1/call-applications/{id}/documents/{documentId}': {
    own: 'ANNNNNNNNN',
    other: 'ANNNNNNNNN',
  },
  'POST /api/v1/call-applications/{id}/reviews': { own: 'AFVVRFFFFR', other: 'AFVVRFFFFR' },
  'POST /api/v1/call-applications/{id}/withdraw': { own: 'ANFFFNFNNF', other: 'ANFFFNFNNF' },
  'GET /api/v1/calls': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/calls': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/calls.ics': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/calls/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'PUT /api/v1/calls/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/calls/{id}/allocation-instance': { own: 'AFFOOFOFFO', other: 'AFFOOFOFFO' },
  'GET /api/v1/calls/{id}/applications': { own: 'AFOOOFOFFO', other: 'AFOOOFOFFO' },
  'POST /api/v1/calls/{id}/applications': { own: 'AVFFFFFFFV', other: 'AVFFFFFFFV' },
  'GET /api/v1/calls/{id}/ranking': { own: 'AFOOOFOFFO', other: 'AFOOOFOFFO' },
  'GET /api/v1/calls/{id}/my-reviews': { own: 'AFOOOFOFFO', other: 'AFOOOFOFFO' },
  'GET /api/v1/consortia': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/dashboards': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/consortia/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  // Dashboards: a consortium's by its officers (Tohoku's representative officer) and the
  // association's secretariat; the sampled table of a download is unknown (404) to those who may.
  'GET /api/v1/consortia/{id}/dashboard': { own: 'AFFFFFOFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/consortia/{id}/dashboard/records': { own: 'AFFFFFOFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/consortia/{id}/dashboard/export': { own: 'AFFFFFNFFN', other: 'AFFFFFFFFN' },
  'GET /api/v1/consortia/{id}/balance': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /api/v1/consortia/{id}/budget': { own: 'AFFFFFOFOO', other: 'AFFFFFFFFO' },
  'POST /api/v1/consortia/{id}/members': { own: 'AFFOFFRFFR', other: 'AFFOFFFFFR' },
  'GET /api/v1/consortia/{id}/members.{format}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/consortia/{id}/members/{institutionId}/leave': {
    own: 'AFFFOFNFFN',
    other: 'AFFNFFFFFN',
  },
  'GET /api/v1/consortia/{id}/payments': { own: 'AFFFFFOFFO', other: 'AFFFFFFFFO' },
  'POST /api/v1/consortia/{id}/proposals/{proposalId}/accept': {
    own: 'ANNNOFNNNR',
    other: 'ANNNNNNNNN',
  },
  'POST /api/v1/consortia/{id}/proposals/{proposalId}/decline': {
    own: 'ANNNRFNNNR',
    other: 'ANNNNNNNNN',
  },
  'POST /api/v1/consortia/{id}/proposals/{proposalId}/withdraw': {
    own: 'ANNNFRNNNR',
    other: 'ANNNNNNNNN',
  },
  'GET /api/v1/conversions/credits': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/conversions/grades': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'GET /api/v1/conversions/systems': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/export/institutions.{format}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  // What the invite and grant forms offer: empty for those who grant nothing.
  'GET /api/v1/grantable-roles': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/groupings': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/import/institutions': { own: 'AXXXXXXXXX', other: 'AXXXXXXXXX' },
  // Identity providers are the platform administrator's (decision 007).
  'GET /api/v1/identity-providers': { own: 'AFFFFFFFFO', other: 'AFFFFFFFFO' },
  'POST /api/v1/identity-providers': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/identity-providers/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'DELETE /api/v1/identity-providers/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // Single sign-on: the browser is redirected (303), to the provider or back with a refusal code.
  'GET /api/v1/sso/providers': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/sso/providers/{id}/start': { own: 'XXXXXXXXXX', other: 'XXXXXXXXXX' },
  'POST /api/v1/sso/providers/{id}/link': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/sso/oidc/callback': { own: 'XXXXXXXXXX', other: 'XXXXXXXXXX' },
  'POST /api/v1/sso/saml/acs': { own: 'XXXXXXXXXX', other: 'XXXXXXXXXX' },
  'GET /api/v1/institutions': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/institutions': { own: 'AFFVVVVVFV', other: 'AFFVVVVVFV' },
  'GET /api/v1/institutions/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  // An institution's dashboard: its coordinators (its international office).
  'GET /api/v1/institutions/{id}/dashboard': { own: 'AFFFOFFFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/institutions/{id}/dashboard/records': { own: 'AFFFOFFFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/institutions/{id}/dashboard/export': { own: 'AFFFNFFFFN', other: 'AFFFFFFFFN' },
  'GET /api/v1/institutions/{id}/agreements': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'PATCH /api/v1/institutions/{id}': { own: 'AFFFOFFFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/institutions/{id}/courses': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/institutions/{id}/courses': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/institutions/{id}/nearest-airport': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/institutions/{id}/units': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/institutions/{id}/units': { own: 'AFFFVFFFFV', other: 'AFFFFFFFFV' },
  // The student e-mail domains: public to read; its coordinator (registry:write) edits them. The
  // sampled domain is malformed (400) and the sampled one to remove is not listed (404).
  'GET /api/v1/institutions/{id}/student-domains': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/institutions/{id}/student-domains': { own: 'AFFFVFFFFV', other: 'AFFFFFFFFV' },
  'DELETE /api/v1/institutions/{id}/student-domains/{domain}': {
    own: 'AFFFNFFFFN',
    other: 'AFFFFFFFFN',
  },
  // Pending invitations within one's scope (empty for those who grant nothing); the sampled
  // e-mail address and token are malformed. Reading and accepting a link are public.
  'GET /api/v1/invitations': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/invitations': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/invitations/{id}/revoke': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/invitations/read': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'POST /api/v1/invitations/accept': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'GET /api/v1/jukebox-enrolments': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/jukebox-enrolments/{id}/recognition': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'PUT /api/v1/jukebox-enrolments/{id}/result': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'GET /api/v1/me': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/me/applications': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/me/tasks': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'PUT /api/v1/me/language': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // One's own account only: there is no "other" person's to reach.
  'GET /api/v1/me/data': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // One's own erasure request: everyone signed in asks (the second ask, for "own", finds one
  // open), then withdraws it (the second withdrawal finds none).
  'GET /api/v1/me/erasure-request': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/me/erasure-request': { own: 'ARRRRRRRRR', other: 'AOOOOOOOOO' },
  'POST /api/v1/me/erasure-request/withdraw': { own: 'ARRRRRRRRR', other: 'AOOOOOOOOO' },
  'GET /api/v1/me/names': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'PUT /api/v1/me/names': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // The sampled current password is wrong.
  'PUT /api/v1/me/password': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/me/sessions': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // A sampled session id is nobody's session.
  'DELETE /api/v1/me/sessions/{id}': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'GET /api/v1/me/notifications': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/me/notifications/{id}/read': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'GET /api/v1/me/student-profile': { own: 'AONNNNNNNN', other: 'AONNNNNNNN' },
  'PUT /api/v1/me/student-profile': { own: 'AVFFFFFFFV', other: 'AVFFFFFFFV' },
  // The sign-up is public: the sampled address and token are malformed for everyone.
  'POST /api/v1/sign-up': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'POST /api/v1/sign-up/verify': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  // The sampled student id is no UUID (400); who may record is tested in student-record.test.ts.
  'GET /api/v1/students/{userId}/record': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/students/{userId}/record': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/mobilities': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // The sampled student is unknown: to everyone signed in, as to those not their coordinator, a 404.
  'POST /api/v1/mobilities': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'GET /api/v1/nominations/options': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/mobilities/{id}': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  'GET /api/v1/mobilities/{id}/bank-account': { own: 'AFNNFNNNFN', other: 'ANNNNNNNNN' },
  'POST /api/v1/mobilities/{id}/enrolment-confirmations': {
    own: 'AVVVVVVVVV',
    other: 'AVVVVVVVVV',
  },
  'GET /api/v1/mobilities/{id}/learning-agreement': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  'POST /api/v1/mobilities/{id}/learning-agreement': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/mobilities/{id}/learning-agreement/approvals': {
    own: 'ARNNRNRNRR',
    other: 'ANNNNNNNNN',
  },
  'GET /api/v1/mobilities/{id}/learning-agreement/diff': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  'POST /api/v1/mobilities/{id}/learning-agreement/proposals': {
    own: 'AVVVVVVVVV',
    other: 'AVVVVVVVVV',
  },
  'POST /api/v1/mobilities/{id}/learning-agreement/rejections': {
    own: 'ARNNRNRNRR',
    other: 'ANNNNNNNNN',
  },
  'GET /api/v1/mobilities/{id}/recognition': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  'POST /api/v1/mobilities/{id}/recognition-decisions': { own: 'AFNNVNFNFV', other: 'ANNNNNNNNN' },
  'GET /api/v1/mobilities/{id}/scholarship': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  'PUT /api/v1/mobilities/{id}/transcript': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/mobilities/{id}/transitions': { own: 'ARNNRNRNRR', other: 'ANNNNNNNNN' },
  'GET /api/v1/mobilities/{id}/travel': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  'PUT /api/v1/mobilities/{id}/travel/airports': { own: 'AFNNONFNFO', other: 'ANNNNNNNNN' },
  'POST /api/v1/mobilities/{id}/travel/approve-fare': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // R8: the paying consortium's officer (rep.tohoku) may enter the fare, as the coordinators may.
  'PUT /api/v1/mobilities/{id}/travel/fare': { own: 'AFNNRNRNFR', other: 'ANNNNNNNNN' },
  // EWP files of a mobility: whoever reads its page (the student their own); the sampled learning
  // agreement lacks fields EWP requires (422, naming them).
  'GET /api/v1/mobilities/{id}/ewp.xml': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  'GET /api/v1/mobilities/{id}/learning-agreement/ewp.xml': {
    own: 'ARNNRNRNRR',
    other: 'ANNNNNNNNN',
  },
  'GET /api/v1/mobilities/{id}/transcript/ewp.xml': { own: 'AONNONONOO', other: 'ANNNNNNNNN' },
  // A partner's EWP file: the sampled text is not XML, refused before anything is read or stored.
  'POST /api/v1/ewp/imports': { own: 'ARRRRRRRRR', other: 'ARRRRRRRRR' },
  // Tohoku's coordinator's import (of a Tohoku mobility): read and applied by her, closed after.
  'GET /api/v1/ewp/imports/{id}': { own: 'AFFFOFFFFO', other: 'ANNNNNNNNN' },
  'POST /api/v1/ewp/imports/{id}/confirm': { own: 'AFFFOFFFFR', other: 'ANNNNNNNNN' },
  'POST /api/v1/ewp/imports/{id}/discard': { own: 'AFFFRFFFFR', other: 'ANNNNNNNNN' },
  'GET /api/v1/payment-batches': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'POST /api/v1/payment-batches': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/payment-batches/{id}': { own: 'ANNNNNONNO', other: 'ANNNNNNNNN' },
  'POST /api/v1/payment-batches/{id}/approve': { own: 'ANNNNNONNO', other: 'ANNNNNNNNN' },
  'POST /api/v1/payment-batches/{id}/cancel': { own: 'ANNNNNRNNR', other: 'ANNNNNNNNN' },
  'GET /api/v1/payment-batches/{id}/export.{format}': { own: 'AFFFFFOFFO', other: 'ANNNNNNNNN' },
  'POST /api/v1/payment-batches/{id}/paid': { own: 'ANNNNNONNO', other: 'ANNNNNNNNN' },
  // The people pages: for those who may grant a role (reviewers and students grant none); a
  // person's id in the path is a UUID, so the sampled one is refused as malformed.
  'GET /api/v1/people': { own: 'AFFOOOOOOO', other: 'AFFOOOOOOO' },
  'GET /api/v1/people/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/people/{id}/roles': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'DELETE /api/v1/people/{id}/roles/{roleId}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/people/{id}/deactivate': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/people/{id}/reactivate': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // Erasure requests: administrators only; a request's id is a UUID, the sampled one malformed.
  'GET /api/v1/erasure-requests': { own: 'AFFFFFFFFO', other: 'AFFFFFFFFO' },
  'POST /api/v1/erasure-requests/{id}/carry-out': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/programs': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/programs/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  // A program's dashboard: its funder officers (the demo funder holds both programs).
  'GET /api/v1/programs/{id}/dashboard': { own: 'AFFFFFFFOO', other: 'AFFFFFFFOO' },
  'GET /api/v1/programs/{id}/dashboard/records': { own: 'AFFFFFFFOO', other: 'AFFFFFFFOO' },
  'GET /api/v1/programs/{id}/dashboard/export': { own: 'AFFFFFFFNN', other: 'AFFFFFFFNN' },
  'GET /api/v1/programs/{id}/budget': { own: 'AFFFFFOFOO', other: 'AFFFFFFFOO' },
  'PUT /api/v1/programs/{id}/rules': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/project-applications': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/project-applications': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/project-applications/{id}': { own: 'ANNNONONOO', other: 'ANNNNONNNO' },
  'PUT /api/v1/project-applications/{id}': { own: 'ANNNRNRNFR', other: 'ANNNNRNNNR' },
  'GET /api/v1/project-applications/{id}/dossier.pdf': { own: 'ANNNONONOO', other: 'ANNNNONNNO' },
  'POST /api/v1/project-applications/{id}/outcome': { own: 'ANNNFNFNRR', other: 'ANNNNFNNNR' },
  'POST /api/v1/project-applications/{id}/recheck': { own: 'ANNNFNONOO', other: 'ANNNNRNNNR' },
  'POST /api/v1/project-applications/{id}/submit': { own: 'ANNNRNRNRR', other: 'ANNNNRNNNR' },
  'POST /api/v1/project-applications/{id}/support': { own: 'AXXXXXXXXX', other: 'AXXXXXXXXX' },
  'GET /api/v1/recognised-credits': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // Alumni associations: public pages and a directory filtered per reader; the university's
  // coordinators (and officers) manage; a profile is its holder's alone (the sampled contact is
  // malformed, a sampled meeting has no title); the coordinator ends the president's office.
  'GET /api/v1/alumni-associations': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/alumni-associations/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/alumni-associations/{id}/directory': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'POST /api/v1/alumni-associations/{id}/derive': { own: 'AFFFOFFFFO', other: 'AFFFFFFFFO' },
  'POST /api/v1/alumni-associations/{id}/officers': { own: 'AFFFVFFFFV', other: 'AFFFFFFFFV' },
  'DELETE /api/v1/alumni-associations/{id}/officers/{officerId}': {
    own: 'AFFFOFFFFN',
    other: 'AFFFFFFFFN',
  },
  'POST /api/v1/alumni-associations/{id}/meetings': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/me/alumni': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'PUT /api/v1/me/alumni/{id}': { own: 'AVNNNNNNNV', other: 'ANNNNNNNNV' },
  'GET /api/v1/me/mentors': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'PUT /api/v1/me/mentors/{id}': { own: 'AOVVVVVVVV', other: 'AVVVVVVVVV' },
  // Events: the own event is Tohoku's consortium's members-only workshop (student.tohoku is
  // registered), the other Tsukuba's past forum (registration closed: 409). Writes that delete
  // a session go first, so later writes on it find nothing (404).
  'DELETE /api/v1/event-contributions/{id}': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNN' },
  'DELETE /api/v1/event-sessions/{id}': { own: 'AFFFONNNNN', other: 'AFFFFFFFFO' },
  'GET /api/v1/event-registrations/{id}/certificate.pdf': {
    own: 'ARNNRNRNNR',
    other: 'ANNNNNNNNR',
  },
  'GET /api/v1/event-series': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/event-series/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/event-series/{id}/calendar.ics': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/event-sessions/{id}/minutes': { own: 'NOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/events': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/events/{id}': { own: 'NOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/events/{id}/calendar.ics': { own: 'NOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/events/{id}/participants': { own: 'NOFFOFOFFO', other: 'OOOOOOOOOO' },
  'GET /api/v1/me/events': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/me/events.ics': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'PATCH /api/v1/event-registrations/{id}': { own: 'AONNNNNNNN', other: 'ANNNNNNNNN' },
  'POST /api/v1/event-registrations/{id}/approve': { own: 'AFNNRNRNNR', other: 'ANNNNNNNNR' },
  'POST /api/v1/event-registrations/{id}/cancel': { own: 'AONNRNRNNR', other: 'ANNNNNNNNO' },
  'POST /api/v1/event-registrations/{id}/refuse': { own: 'AFNNRNRNNR', other: 'ANNNNNNNNR' },
  'POST /api/v1/event-series': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/event-sessions/{id}/contributions': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/event-sessions/{id}/minutes': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/event-sessions/{id}/minutes/{version}/approve': {
    own: 'ANNNNNNNNN',
    other: 'ANNNNNNNNN',
  },
  'POST /api/v1/events': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/events/{id}/liaison-office': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/events/{id}/check-in': { own: 'AFFFRFRFFR', other: 'AFFFFFFFFR' },
  'POST /api/v1/events/{id}/registrations': { own: 'AROOOOOOOO', other: 'ARRRRRRRRR' },
  'POST /api/v1/events/{id}/sessions': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/event-contributions/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/event-sessions/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/event-sessions/{id}/minutes/{version}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/events/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/events/{id}/invitations': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'GET /api/v1/events/{id}/invitations': { own: 'AFFFOFOFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/events/{id}/invitation-audiences': { own: 'AFFFOFOFFO', other: 'AFFFFFFFFO' },
  'GET /api/v1/me/calendar-feed': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'POST /api/v1/me/calendar-feed': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'DELETE /api/v1/me/calendar-feed': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // The sampled token is not of a link's form: refused as malformed for everyone.
  'GET /api/v1/calendar-feeds/{token}/events.ics': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'GET /api/v1/event-participation': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  // Founding an alumni association: the sampled body names no association's name (400).
  'POST /api/v1/alumni-associations': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // Publications are public; an import is its institution's coordinators' (the sampled body
  // names nsu.ru and a file that is no format: 400 for them and the administrator).
  'GET /api/v1/publications': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/publications/counts': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/publications/{id}': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'POST /api/v1/publication-imports': { own: 'AFFVFFFFFV', other: 'AFFVFFFFFV' },
  'GET /api/v1/publication-imports': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/publication-imports/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/publication-imports/{id}/confirm': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/publication-imports/{id}/discard': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // The sampled value is no identifier at all.
  'GET /api/v1/identifiers/{value}': { own: 'VVVVVVVVVV', other: 'VVVVVVVVVV' },
  'GET /api/v1/me/orcid': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'PUT /api/v1/me/orcid': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/people/{id}/orcid': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // Partnerships: programmes, boards, laboratories and partnerships are read by anyone; a
  // cotutelle or a visit only by its institutions' coordinators and the person (404 otherwise; the
  // lists give everyone counts). Writes: coordinators of a partner; the sampled bodies are refused
  // as malformed, except where the gate answers first (visits name unknown institutions: 403).
  'GET /api/v1/degree-programmes': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/degree-programmes/{id}': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/education-boards': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/education-boards/{id}': { own: 'OOOOOOOOOO', other: 'NNNNNNNNNN' },
  'GET /api/v1/cotutelles': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/cotutelles/{id}': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNO' },
  'GET /api/v1/joint-labs': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/joint-labs/{id}': { own: 'NNNNNNNNNN', other: 'OOOOOOOOOO' },
  'GET /api/v1/visits': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/visits/{id}': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNO' },
  'GET /api/v1/partnerships': { own: 'OOOOOOOOOO', other: 'OOOOOOOOOO' },
  'GET /api/v1/partnerships/{id}': { own: 'NNNNNNNNNN', other: 'OOOOOOOOOO' },
  'GET /api/v1/partnerships/{id}/profile': { own: 'NNNNNNNNNN', other: 'OOOOOOOOOO' },
  'GET /api/v1/partnerships/{id}/profile.pdf': { own: 'NNNNNNNNNN', other: 'OOOOOOOOOO' },
  'GET /api/v1/partnerships/{id}/profile.xlsx': { own: 'NNNNNNNNNN', other: 'OOOOOOOOOO' },
  'POST /api/v1/degree-programmes': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/degree-programmes/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/degree-programmes/{id}/cohorts': { own: 'AFFFOFFFFR', other: 'AFFFFFFFFO' },
  'POST /api/v1/degree-programmes/{id}/paths': { own: 'AFFFVFFFFV', other: 'AFFFFFFFFV' },
  'POST /api/v1/education-boards': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/education-boards/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/education-boards/{id}/meetings': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/cotutelles': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/cotutelles/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/joint-labs': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/joint-labs/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/visits': { own: 'AFFFFFFFFV', other: 'AFFFFFFFFV' },
  'PUT /api/v1/visits/{id}': { own: 'ANNNNNNNNN', other: 'ANNNNNNNNV' },
  'POST /api/v1/partnerships': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'PUT /api/v1/partnerships/{id}': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  'POST /api/v1/partnerships/{id}/plans': { own: 'AVVVVVVVVV', other: 'AVVVVVVVVV' },
  // Implementation reports (R20): the funder's table shows only the projects in the reader's
  // scope; the report is read by the project's people and the funder, written by the home side.
  'GET /api/v1/implementation-reports/status': { own: 'AOOOOOOOOO', other: 'AOOOOOOOOO' },
  'GET /api/v1/projects/{projectId}/reports/{fiscalYear}': {
    own: 'AFFFOFOFOO',
    other: 'ANNNNNNNNN',
  },
  'PUT /api/v1/projects/{projectId}/reports/{fiscalYear}/cut-off': {
    own: 'AFFFFFFFVV',
    other: 'ANNNNNNNNN',
  },
  'PUT /api/v1/projects/{projectId}/reports/{fiscalYear}/narrative': {
    own: 'AFFFOFOFFO',
    other: 'ANNNNNNNNN',
  },
  'POST /api/v1/projects/{projectId}/reports/{fiscalYear}/submit': {
    own: 'AFFFVFVFFV',
    other: 'ANNNNNNNNN',
  },
  'POST /api/v1/projects/{projectId}/reports/{fiscalYear}/receive': {
    own: 'AFFFFFFFRR',
    other: 'ANNNNNNNNN',
  },
  'POST /api/v1/projects/{projectId}/reports/{fiscalYear}/reopen': {
    own: 'AFFFFFFFRR',
    other: 'ANNNNNNNNN',
  },
  'GET /api/v1/projects/{projectId}/reports/{fiscalYear}/report.pdf': {
    own: 'AFFFOFOFOO',
    other: 'ANNNNNNNNN',
  },
  'GET /api/v1/projects/{projectId}/reports/{fiscalYear}/report.xlsx': {
    own: 'AFFFOFOFOO',
    other: 'ANNNNNNNNN',
  },
  // Erasmus Without Paper host APIs: machine endpoints authenticated by HTTP Signature, not by the
  // session (test/ewp-api). The matrix's deployment is no EWP host: every route is absent (404).
  'GET /ewp/manifest.xml': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /ewp/echo': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /ewp/echo': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /ewp/iias/index': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /ewp/iias/index': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /ewp/iias/get': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /ewp/iias/get': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /ewp/omobilities/index': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /ewp/omobilities/index': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /ewp/omobilities/get': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /ewp/omobilities/get': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /ewp/omobility-las/index': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /ewp/omobility-las/index': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'GET /ewp/omobility-las/get': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
  'POST /ewp/omobility-las/get': { own: 'NNNNNNNNNN', other: 'NNNNNNNNNN' },
};
