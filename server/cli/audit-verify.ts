import { verifyAuditChain } from '../audit/verify-chain';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connection';

/** `npm run audit:verify`: exits 0 when the chain holds, 1 naming the first broken event. */
const config = loadConfig();
const database = openDatabase(config.dataDir, config.durability);
try {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) {
    process.stdout.write(`Audit chain OK: ${verdict.events} events verified in ${database.file}\n`);
  } else {
    process.stdout.write(
      `Audit chain BROKEN at event #${verdict.brokenAt.seq} (${verdict.brokenAt.id}): ${verdict.brokenAt.reason}\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
