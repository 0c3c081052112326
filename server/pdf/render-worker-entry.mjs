// The render worker's entry. A worker thread does not reliably inherit the parent's module hooks
// (the server runs under `node --import tsx`, a test runner transforms in-process), so it
// registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
