import { Worker } from 'node:worker_threads';
import { threadEntry } from '../runtime-files';
import { formsInvalid } from './form-errors';
import type { LoadedForm } from './load-forms';

const workerFile = threadEntry('forms/forms-worker');

/**
 * loadForms in a thread of its own: checking a survey needs survey-core (≈40 MB resident), which
 * the server never needs again once the forms are known to be good, and a finished thread frees it.
 */
export function loadFormsIsolated(formsDir: string): Promise<LoadedForm[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { formsDir } });
    worker.once('message', (result: { loaded: LoadedForm[]; problems: { file: string; field: string; message: string }[] }) => {
      if (result.problems.length > 0) reject(formsInvalid(result.problems));
      else resolve(result.loaded);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The forms check stopped with exit code ${code}`));
    });
  });
}
