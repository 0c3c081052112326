import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Fails loudly: a browser test that cannot find its browser must never pass by skipping. */
export function assertChromiumInstalled(): void {
  const executable = chromiumPath();
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Chromium was not found at ${executable}. Install Debian's package with ` +
        '`apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
}

export function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // The machine has no network beyond localhost: keep Chromium from reaching for its services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
