import type { AppDeps } from './app-context';
import type { Config } from './config';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { FormRegistry } from './forms/form-registry';
import { loadForms } from './forms/load-forms';
import { createLogger, type Logger } from './log';

/**
 * Everything that must hold before the first request: forms valid, database open and migrated.
 * A broken form stops here, before the database is touched.
 */
export async function prepareDeps(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<AppDeps> {
  const forms = new FormRegistry(loadForms(config.formsDir));
  const database = openDatabase(config.dataDir);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info('database migrated', { applied });
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, forms, logger };
}
