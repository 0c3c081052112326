import path from 'node:path';
import { loadConfig } from '../config';
import { backupDataFolder } from '../db/backup';

/** `npm run backup -- <file>`: an online, consistent copy of the installation in SIGILL_DATA_DIR. */
const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: npm run backup -- <file>\n');
  process.exit(2);
}
const config = loadConfig();
const result = await backupDataFolder(config.dataDir, path.resolve(target));
process.stdout.write(`Backed up ${config.dataDir} to ${path.resolve(target)} (${result.pages} pages, ${result.files} other files)\n`);
