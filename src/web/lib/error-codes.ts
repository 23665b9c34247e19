import { ERROR_CODES } from '../../domain/shared/error-codes.ts';

/** Every error code the API answers, and the client's own (errors.<code> in the locales). */
export const KNOWN_ERROR_CODES = [...ERROR_CODES, 'network_error'] as const;
