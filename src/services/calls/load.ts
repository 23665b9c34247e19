/**
 * What other areas read of calls, where they have always found it: allocation runs and the audit
 * trail check who manages a call. Within the calls area, import from the modules themselves:
 * src/db/queries/calls/ (rows), ./call-record.ts, ./access.ts, ./eligibility.ts, ./consent.ts.
 */
export { loadSendingConsortia, type CallRow } from '#src/db/queries/calls/calls.ts';
export { loadCall } from './call-record.ts';
export { mayManageCall } from './access.ts';
