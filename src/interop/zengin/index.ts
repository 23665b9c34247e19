/** The Japanese banks' bulk-transfer file (全銀協 総合振込) and the CSV of a payment batch. */
export * from './types.ts';
export * from './layout.ts';
export * from './charset.ts';
export * from './file.ts';
export * from './csv.ts';
