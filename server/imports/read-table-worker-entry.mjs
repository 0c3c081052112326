// The import thread's entry: a worker thread does not reliably inherit the parent's module hooks,
// so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./read-table-worker.ts');
