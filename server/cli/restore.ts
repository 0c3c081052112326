import path from 'node:path';
import { loadConfig } from '../config';
import { restoreDataFolder } from '../db/backup';

/** `npm run restore -- <file>`: restores a backup into SIGILL_DATA_DIR, which must hold no database. */
const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: npm run restore -- <file>\n');
  process.exit(2);
}
const config = loadConfig();
try {
  const result = restoreDataFolder(path.resolve(source), config.dataDir);
  process.stdout.write(`Restored ${path.resolve(source)} into ${config.dataDir} (${result.files} other files)\n`);
} catch (error) {
  process.stderr.write(`Restore failed: ${(error as Error).message}\n`);
  process.exit(1);
}
