/**
 * The refusals of Erasmus Without Paper exchange (`refusals.ewp.<name>`): safe intake of a
 * partner's XML, validation against the official schemas, the checks made before a file is
 * produced, and the import of a partner's document.
 */
export const EWP_CODES = {
  /** The XML is larger than accepted (params: limitBytes, sizeBytes). */
  tooLarge: 'ewp.too_large',
  /** The XML declares a DOCTYPE or entities, refused before parsing (XXE, entity expansion). */
  dtdForbidden: 'ewp.dtd_forbidden',
  /** The XML is not well-formed (params: line, column, detail). */
  notWellFormed: 'ewp.not_well_formed',
  /** The XML is well-formed but not valid against the schema of its kind (params: line, detail). */
  notValid: 'ewp.not_valid',
  /** The root element is none of the document kinds read (params: root). */
  unknownKind: 'ewp.unknown_kind',
  /** A field the specification makes mandatory is missing (params: field, record). */
  missingField: 'ewp.missing_field',
  /** A value is present but not of the form the specification requires (params: field, record, value). */
  invalidValue: 'ewp.invalid_value',
  /** An agreement between consortia cannot be written as a bilateral agreement (params: record). */
  notBilateral: 'ewp.not_bilateral',
  /** The document names an institution we do not know by its SCHAC code (params: heiId). */
  unknownInstitution: 'ewp.unknown_institution',
  /** The document holds nothing to import. */
  empty: 'ewp.empty',
  /** The import was already applied or discarded. */
  importClosed: 'ewp.import_closed',
  /** The import cannot be applied: it names an unknown institution (params: heiId). */
  importBlocked: 'ewp.import_blocked',
} as const;

export type EwpRefusalCode = (typeof EWP_CODES)[keyof typeof EWP_CODES];
export const REFUSAL_CODES: readonly string[] = Object.values(EWP_CODES);
