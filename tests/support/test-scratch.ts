import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { TestApp } from './test-app';

/**
 * Apps and temporary folders a test file makes, closed and removed after each test: for tests that
 * restart an installation (a new forms folder, the same data folder) and so cannot share one app.
 */
export function testScratch(): { apps: TestApp[]; tempDir(prefix: string): string } {
  const temps: string[] = [];
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    apps,
    tempDir(prefix) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      temps.push(dir);
      return dir;
    },
  };
}

/** A copy of the shipped forms without the given files (relative to forms/): the installation as it stood before they were published. */
export function formsWithout(dir: string, files: readonly string[]): string {
  fs.cpSync('forms', dir, { recursive: true });
  for (const file of files) fs.rmSync(path.join(dir, file));
  return dir;
}
