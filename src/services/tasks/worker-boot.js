// The entry of each task worker: worker threads do not inherit the main thread's TypeScript
// loader, so this plain module registers tsx, then loads the TypeScript entry named by the pool.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
