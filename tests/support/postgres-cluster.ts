import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the test suites: initdb and pg_ctl in a temporary folder, on
 * 127.0.0.1 and a free port. PostgreSQL refuses to run as root, so as root both run as an
 * unprivileged user made for it (created here when missing).
 */
export interface Cluster {
  /** Superuser URL of the cluster's `postgres` database; tests create their own databases from it. */
  adminUrl: string;
  stop(): void;
}

export const clusterUser = 'sigillpg';

/** A PostgreSQL program (initdb, pg_ctl, pg_dump…): Debian's versioned folder first, then PATH (a source build in /usr/local/bin, say). */
export function postgresBinary(name: string): string {
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((entry) => /^\d+$/.test(entry)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = path.join(debian, version, 'bin', name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${name} not found: install PostgreSQL (apt-get install postgresql)`);
  return found;
}

const isRoot = process.getuid?.() === 0;

function ensureUser(): void {
  if (spawnSync('id', ['-u', clusterUser]).status === 0) return;
  const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', clusterUser], { encoding: 'utf8' });
  // Another run may have made it a moment ago.
  if (made.status !== 0 && spawnSync('id', ['-u', clusterUser]).status !== 0) throw new Error(`useradd ${clusterUser} failed: ${made.stderr}`);
}

function run(command: string, args: string[]): void {
  const [file, argv] = isRoot ? ['runuser', ['-u', clusterUser, '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `extraSettings` (`-c name=value`) come last, so they override the test defaults: the benches turn durability back on. */
export async function startCluster(extraSettings: readonly string[] = []): Promise<Cluster> {
  if (isRoot) ensureUser();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-pg-'));
  const dataDir = path.join(folder, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (isRoot) execFileSync('chown', ['-R', `${clusterUser}:`, folder]);
  // Collation as a Swedish municipality's database would have it (ICU sv-SE), so a query that sorts
  // text without saying how shows it here: only C would agree with SQLite by accident.
  const locale = ['--encoding=UTF8', '--locale=C.UTF-8', '--locale-provider=icu', '--icu-locale=sv-SE'];
  run(postgresBinary('initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', ...locale, '--no-sync']);
  const port = await freePort();
  // A test cluster: durability against a crash of PostgreSQL itself is not what the suites test
  // (the crash-safety test kills Sigill, not PostgreSQL), so fsync is off to spare the shared disk.
  const settings = [`-p ${port}`, `-k ${folder}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c full_page_writes=off', '-c max_connections=300', ...extraSettings];
  run(postgresBinary('pg_ctl'), ['-D', dataDir, '-l', path.join(folder, 'server.log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(postgresBinary('pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
