/** What other features may use from agreements: the list, its table and the R4 balance ledger. */
export { listAgreements } from './api.ts';
export { AgreementTable } from './agreements-page.tsx';
export { BalanceLedger } from './balance-ledger.tsx';
