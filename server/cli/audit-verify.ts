import fs from 'node:fs';
import path from 'node:path';
import { verifyAudit } from '../audit/verify-audit';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/connection';
import { createLogger } from '../log';
import { developmentSealFolder, loadSeal } from '../sealing/load-seal';

/**
 * `npm run audit:verify`: exits 0 when the chain, its checkpoints, the sealed documents' recorded
 * heads and the decision rows all hold; 1 listing every problem, each naming the event where it shows.
 */
const config = loadConfig();
const database = openConfiguredDatabase(config);
const maxListed = 200;

/** This installation's seal, when one is configured or was made earlier; verifying never makes one. */
async function sealFingerprints(): Promise<string[]> {
  const configured = config.seal.p12File ?? config.seal.keyFile;
  const development = fs.existsSync(path.join(developmentSealFolder(config.dataDir), 'development-certificate.pem'));
  if (!configured && !development) return [];
  try {
    return [(await loadSeal(config, createLogger('silent'))).fingerprint];
  } catch (error) {
    process.stderr.write(`The seal could not be loaded (${error instanceof Error ? error.message : String(error)}): checkpoints are checked against the seals of stored protocols only.\n`);
    return [];
  }
}

try {
  const verdict = await verifyAudit(database.db, await sealFingerprints());
  if (verdict.ok) {
    process.stdout.write(`Audit chain OK: ${verdict.events} events verified against ${verdict.anchors} anchors (checkpoints and sealed documents) in ${database.location}\n`);
  } else {
    process.stdout.write(`Audit chain BROKEN: ${verdict.problems.length} problems in ${verdict.events} events (${database.location})\n`);
    for (const problem of verdict.problems.slice(0, maxListed)) process.stdout.write(`- ${problem.kind}: ${problem.message}\n`);
    if (verdict.problems.length > maxListed) process.stdout.write(`… and ${verdict.problems.length - maxListed} more\n`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
