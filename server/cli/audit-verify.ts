import { installationSealFingerprints } from '../audit/installation-seals';
import { verifyAudit } from '../audit/verify-audit';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/connection';

/**
 * `npm run audit:verify`: exits 0 when the chain, its checkpoints, the sealed documents' recorded
 * heads and the decision rows all hold; 1 listing every problem, each naming the event where it shows.
 */
const config = loadConfig();
const database = openConfiguredDatabase(config);
const maxListed = 200;

try {
  const verdict = await verifyAudit(database.db, await installationSealFingerprints(config, (message) => process.stderr.write(`${message}\n`)));
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
