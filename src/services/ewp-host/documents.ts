import type { Db } from '#src/db/client.ts';
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

/** Valid get-responses that hold no document, until the exports are plugged in. */
export const emptyDocuments: EwpDocuments = {
  iias: async () => emptyGetResponse('iias'),
  omobilities: async () => emptyGetResponse('omobilities'),
  omobilityLas: async () => emptyGetResponse('omobility-las'),
};
