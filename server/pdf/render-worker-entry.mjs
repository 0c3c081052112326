// The render worker's entry in development and tests. A worker thread does not reliably inherit the
// parent's module hooks (`npm run dev` runs under `node --import tsx`, a test runner transforms
// in-process), so it registers tsx itself before loading the TypeScript worker. `npm start` runs the
// compiled dist/server/pdf/render-worker.js instead (server/runtime-files.ts chooses).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
