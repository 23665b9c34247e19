/** A task worker: runs one task of `handlers.ts` at a time, as the pool sends them. */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { handlers, type TaskName } from './handlers.ts';
import type { WorkerMessage } from './pool.ts';

const port = parentPort!;
const say = (message: WorkerMessage) => port.postMessage(message);

port.on('message', async ({ task, input }: { task: TaskName; input: never }) => {
  try {
    const output = await handlers[task](input, (done, total) =>
      say({ type: 'progress', done, total }),
    );
    // Bytes (a PDF, a serialised view) that own their memory move to the main thread uncopied.
    if (
      output instanceof Uint8Array &&
      output.buffer instanceof ArrayBuffer &&
      output.byteLength === output.buffer.byteLength
    ) {
      port.postMessage({ type: 'done', output } satisfies WorkerMessage, [output.buffer]);
    } else say({ type: 'done', output });
  } catch (error) {
    say({
      type: 'error',
      error:
        error instanceof AppError
          ? { code: error.code, message: error.message, details: error.details }
          : { message: error instanceof Error ? error.message : String(error) },
    });
  }
});
