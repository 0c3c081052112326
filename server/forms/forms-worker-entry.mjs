// The forms check's thread entry in development and tests: a worker thread does not reliably inherit
// the parent's module hooks, so it registers tsx itself before loading the TypeScript worker.
// `npm start` runs the compiled dist/server/forms/forms-worker.js instead (server/runtime-files.ts chooses).
import { register } from 'tsx/esm/api';

register();
await import('./forms-worker.ts');
