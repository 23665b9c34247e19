import type { Db } from '../client.ts';

/** Demo data of this area, loaded inside the demo world's transaction. */
export async function seedMobility(_tx: Db, _userIds: Map<string, string>): Promise<void> {}
