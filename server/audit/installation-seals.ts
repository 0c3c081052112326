import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { createLogger } from '../log';
import { developmentSealFolder, loadSeal } from '../sealing/load-seal';

/**
 * The fingerprint of this installation's seal, when one is configured or was made earlier in the
 * data folder, for checking the audit checkpoints it signed; looking never makes one. A seal that
 * does not load is said through `warn`, and checkpoints are then checked against the seals of
 * stored protocols only.
 */
export async function installationSealFingerprints(config: Config, warn: (message: string) => void): Promise<string[]> {
  const configured = config.seal.p12File ?? config.seal.keyFile;
  const development = fs.existsSync(path.join(developmentSealFolder(config.dataDir), 'development-certificate.pem'));
  if (!configured && !development) return [];
  try {
    return [(await loadSeal(config, createLogger('silent'))).fingerprint];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    warn(`The seal could not be loaded (${reason}): checkpoints are checked against the seals of stored protocols only.`);
    return [];
  }
}
