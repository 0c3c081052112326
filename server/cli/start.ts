import { ensureClientBuild } from './client-build';

ensureClientBuild();
await import('../index');
