import { ensureClientBuild } from '../../server/cli/client-build';
import { assertChromiumInstalled } from './support/chromium';

/** Runs once before the browser tests: the browser must exist, the client must be built. */
export default function setup(): void {
  assertChromiumInstalled();
  ensureClientBuild();
}
