import { z } from 'zod';

/**
 * The request parameters of the EWP endpoints (form-encoded: the query of a GET, the body of a
 * POST). Repeatable parameters come as several values; others the specifications add later are
 * let through and ignored. Their meaning is checked by the handlers, which answer a bad value
 * with an EWP error-response (400).
 */
const Param = z.union([z.string(), z.array(z.string())]);
const param = (description: string) => Param.optional().describe(description);

export const EchoParams = z.looseObject({ echo: param('repeatable: values to echo back') });

export const IiasIndexParams = z.looseObject({
  receiving_academic_year_id: param('repeatable: YYYY/YYYY'),
  modified_since: param('xs:dateTime'),
});
export const IiasGetParams = z.looseObject({
  iia_id: param('repeatable, required: at most max-iia-ids'),
});

export const MobilityIndexParams = z.looseObject({
  sending_hei_id: param('required: the SCHAC code of the sending institution (ours)'),
  receiving_hei_id: param('repeatable: SCHAC codes of receiving institutions'),
  receiving_academic_year_id: param('YYYY/YYYY'),
  modified_since: param('xs:dateTime'),
});
export const MobilityGetParams = z.looseObject({
  sending_hei_id: param('required: the SCHAC code of the sending institution (ours)'),
  omobility_id: param('repeatable, required: at most max-omobility-ids'),
});

/** Every answer is an XML document (an EWP response or error-response). */
export const XmlResponse = z.string().describe('EWP XML document');
export const xmlResponses = {
  200: XmlResponse,
  400: XmlResponse,
  401: XmlResponse,
};
