import type { Db } from '#src/db/client.ts';
import {
  iiasGetResponse,
  omobilitiesGetResponse,
  omobilityLasGetResponse,
} from '../ewp/documents.ts';
import { emptyGetResponse } from './responses.ts';

/**
 * Where the documents of the get endpoints come from: each function answers the whole
 * get-response XML for the ids a partner may read (already filtered, in the asked order).
 */
export interface EwpDocuments {
  iias(db: Db, ids: string[]): Promise<string>;
  omobilities(db: Db, ids: string[]): Promise<string>;
  omobilityLas(db: Db, ids: string[]): Promise<string>;
}

/** Valid get-responses that hold no document (a host that serves nothing yet, in tests). */
export const emptyDocuments: EwpDocuments = {
  iias: async () => emptyGetResponse('iias'),
  omobilities: async () => emptyGetResponse('omobilities'),
  omobilityLas: async () => emptyGetResponse('omobility-las'),
};

/**
 * The documents our records make (src/services/ewp): what a host serves. A record missing what
 * the specifications make mandatory is refused by name rather than served as invalid XML.
 */
export const exportedDocuments: EwpDocuments = {
  iias: iiasGetResponse,
  omobilities: omobilitiesGetResponse,
  omobilityLas: omobilityLasGetResponse,
};
