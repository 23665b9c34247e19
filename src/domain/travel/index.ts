/** Travel (R13): great-circle distances, nearest airports, distance bands, fare ceilings. */
export * from './geo.ts';
export * from './airports.ts';
export * from './bands.ts';
export * from './fare.ts';
export * from './ceilings.ts';
export * from './refusal-codes.ts';
