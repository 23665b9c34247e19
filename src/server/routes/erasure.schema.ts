import { z } from 'zod';
import { localizedTextSchema } from '#src/domain/shared/refusal.ts';

/** The signed-in person's open erasure request, or null when none is open. */
export const ErasureRequestView = z.object({
  id: z.uuid(),
  requestedAt: z.iso.datetime(),
});
export const MyErasureRequest = z.object({ request: ErasureRequestView.nullable() });
export type MyErasureRequest = z.infer<typeof MyErasureRequest>;

/** An open request as administrators see it: who asked (name and address), and when. */
export const OpenErasureRequest = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  email: z.string(),
  name: localizedTextSchema,
  requestedAt: z.iso.datetime(),
});
export type OpenErasureRequest = z.infer<typeof OpenErasureRequest>;
export const OpenErasureRequestList = z.object({ items: z.array(OpenErasureRequest) });
export type OpenErasureRequestList = z.infer<typeof OpenErasureRequestList>;

export const ErasureCarriedOut = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  erasedAt: z.iso.datetime(),
});
export type ErasureCarriedOut = z.infer<typeof ErasureCarriedOut>;
