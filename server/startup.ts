import { configurePasswordHashing } from './auth/password';
import { InProcessLiveHub, type LiveHub } from './assessments/live-hub';
import { PostgresLiveHub } from './assessments/postgres-live-hub';
import { PresenceRegistry } from './assessments/presence';
import type { AppDeps } from './app-context';
import { RateLimiter } from './auth/rate-limiter';
import type { Config } from './config';
import { openConfiguredDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { assertPublishedFormsUnchanged } from './forms/fixed-published-forms';
import { FormRegistry } from './forms/form-registry';
import { loadFormsIsolated } from './forms/load-forms-isolated';
import { createLogger, type Logger } from './log';
import { OrganisationDirectory } from './organisations/organisation-tree';
import { ProtocolService } from './protocols/protocol-service';
import { demoDomain, demoPassword, seedDemo } from './demo/seed-demo';
import { bootstrapAdmin, checkAdminPassword } from './users/bootstrap-admin';

/**
 * Everything that must hold before the first request: forms valid, database open and migrated,
 * published forms unchanged. A broken form stops here, before the database is touched.
 */
export async function prepareDeps(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<AppDeps> {
  configurePasswordHashing(config.passwordScryptN);
  await checkAdminPassword(config);
  const loadedForms = await loadFormsIsolated(config.formsDir);
  const forms = new FormRegistry(loadedForms);
  const database = openConfiguredDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info('database migrated', { applied });
    await assertPublishedFormsUnchanged(database.db, loadedForms, config.formsDir);
  } catch (error) {
    await database.close();
    throw error;
  }
  const admin = await bootstrapAdmin(database.db, config);
  if (admin?.generatedPassword) {
    logger.warn('first start: created the admin account with a generated password; change it after logging in', { email: admin.email });
    process.stdout.write(`\nFirst start: log in as ${admin.email} with the password ${admin.generatedPassword}\n(shown only this once; set SIGILL_ADMIN_PASSWORD to choose it yourself)\n\n`);
  } else if (admin) {
    logger.info('first start: created the admin account', { email: admin.email });
  }
  // On PostgreSQL other Sigill processes may share the database: live events travel between them.
  const live: LiveHub = config.databaseUrl ? await PostgresLiveHub.connect(config.databaseUrl, logger) : new InProcessLiveHub();
  const deps: AppDeps = {
    config, database, forms, logger, organisations: new OrganisationDirectory(database.db), rateLimiter: new RateLimiter(database.db), protocols: new ProtocolService(config, logger),
    live, presence: new PresenceRegistry(live),
  };
  if (config.demo && (await seedDemo(deps, config.adminEmail))) {
    logger.info('demo data seeded', { users: `*@${demoDomain}` });
    process.stdout.write(`Demo: log in as isam@${demoDomain}, dso@, objektledare.social@, beslutsfattare.social@ … with the password ${demoPassword}\n`);
  }
  return deps;
}
