import { parseArgs } from 'node:util';
import { installationSealFingerprints } from '../audit/installation-seals';
import { loadConfig } from '../config';
import { CopyFailed, CopyRefused, copyInstallation } from '../db/copy-installation';
import { redactedUrl } from '../db/postgres';

/**
 * `npm run db:copy -- --from <data folder or sigill.sqlite> --to postgres://…`: moves a SQLite
 * installation into an empty PostgreSQL database. Exit 0 when copied and verified; 1 when refused or
 * stopped (saying why, and that nothing was copied); 2 for wrong arguments.
 */
const usage = 'usage: npm run db:copy -- --from <data folder or sigill.sqlite> --to postgres://user:password@host:5432/database\n';

function parsed(): { from: string; to: string } | null {
  try {
    const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true });
    if (!values.from || !values.to || !/^postgres(?:ql)?:\/\//.test(values.to)) return null;
    return { from: values.from, to: values.to };
  } catch {
    return null;
  }
}

const args = parsed();
if (!args) {
  process.stderr.write(usage);
  process.exit(2);
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const warn = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
try {
  const result = await copyInstallation({
    ...args,
    // The seal that signed the source's checkpoints: configured as for Sigill, or the development seal in its data folder.
    sealFingerprints: (dataDir) => installationSealFingerprints(loadConfig({ ...process.env, SIGILL_DATA_DIR: dataDir }), warn),
    say,
  });
  say(`Copied ${result.rows.toLocaleString('en-GB')} rows in ${result.tables} tables in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  say(result.sequences.length > 0 ? `Sequences moved past the copied values: ${result.sequences.join(', ')}.` : 'No sequences to move.');
  say(`Next: stop using the SQLite file, and start Sigill with SIGILL_DATABASE_URL=${redactedUrl(args.to)} and the same SIGILL_DATA_DIR (${result.dataDir})`);
  say('or seal settings: the data folder keeps the seal and sso-secret.key, which the database does not hold.');
} catch (error) {
  if (error instanceof CopyRefused) {
    process.stderr.write(`Refused: ${error.message}\nNothing was written to the target.\n`);
  } else if (error instanceof CopyFailed) {
    process.stderr.write(`The copy stopped: ${error.message}\n`);
    process.stderr.write("The transaction was rolled back: the target has Sigill's tables with no rows in them,\n");
    process.stderr.write('so the command can run again once the cause is mended.\n');
  } else {
    process.stderr.write(`The copy stopped: ${error instanceof Error ? error.message : String(error)}\nNo rows were committed to the target.\n`);
  }
  process.exitCode = 1;
}
