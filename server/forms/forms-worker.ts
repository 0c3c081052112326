import { parentPort, workerData } from 'node:worker_threads';
import { inspectFormsFolder } from './check-forms-folder';

/** Checks the forms folder in its own thread and posts back the loaded forms and every problem. */
const { formsDir } = workerData as { formsDir: string };
const port = parentPort!;
const result = inspectFormsFolder(formsDir);
port.postMessage(result);
