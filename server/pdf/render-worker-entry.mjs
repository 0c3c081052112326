// The render process's entry in development and tests (server/pdf/render-pool.ts forks it without
// flags: neither `npm run dev`'s `--import tsx` nor a test runner's in-process transform reaches it),
// so it registers tsx itself before loading the TypeScript worker. `npm start` runs the compiled
// dist/server/pdf/render-worker.js instead (server/runtime-files.ts chooses).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
