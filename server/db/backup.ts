import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { databaseFileName } from './connection';

/** Files of the data folder (the development seal, say) travel inside the backup in this table. */
export const filesTable = 'sigill_backup_files';
const sqliteFiles = new Set([databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`]);

function dataFolderFiles(dataDir: string, relative = ''): string[] {
  const folder = path.join(dataDir, relative);
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const name = path.join(relative, entry.name);
    if (entry.isDirectory()) return dataFolderFiles(dataDir, name);
    return entry.isFile() && !sqliteFiles.has(name) ? [name] : [];
  });
}

/**
 * A consistent online copy: SQLite's backup API reads a snapshot while the server keeps writing
 * (copying a live WAL database file is not safe). Sealed protocols live in the database; the data
 * folder's other files are added to the copy.
 */
export async function backupDataFolder(dataDir: string, target: string): Promise<{ pages: number; files: number }> {
  if (fs.existsSync(target)) throw new Error(`${target} exists already; choose a new file`);
  const source = new SqliteDatabase(path.join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    const progress = await source.backup(target);
    pages = progress.totalPages;
  } finally {
    source.close();
  }
  const copy = new SqliteDatabase(target);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.exec(`create table ${filesTable} (path text primary key, content blob not null)`);
    const insert = copy.prepare(`insert into ${filesTable} (path, content) values (?, ?)`);
    const files = dataFolderFiles(dataDir);
    copy.transaction(() => {
      for (const file of files) insert.run(file, fs.readFileSync(path.join(dataDir, file)));
    })();
    return { pages, files: files.length };
  } finally {
    copy.close();
  }
}

/** Restores a backup into a data folder that holds no database yet; refuses anything else. */
export function restoreDataFolder(backupFile: string, dataDir: string): { files: number } {
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, databaseFileName);
  if (fs.existsSync(databaseFile)) throw new Error(`${dataDir} already holds a database; restore into an empty data folder`);
  const backup = new SqliteDatabase(backupFile, { readonly: true, fileMustExist: true });
  let files: { path: string; content: Buffer }[];
  try {
    const integrity = backup.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${backupFile} is damaged: ${String(integrity)}`);
    const isSigillBackup = backup.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(filesTable);
    if (!isSigillBackup) throw new Error(`${backupFile} is not a Sigill backup`);
    files = backup.prepare(`select path, content from ${filesTable}`).all() as { path: string; content: Buffer }[];
  } finally {
    backup.close();
  }
  fs.copyFileSync(backupFile, databaseFile);
  const restored = new SqliteDatabase(databaseFile);
  try {
    restored.exec(`drop table ${filesTable}`);
    restored.pragma('journal_mode = WAL');
  } finally {
    restored.close();
  }
  for (const file of files) {
    const target = path.resolve(dataDir, file.path);
    if (!target.startsWith(path.resolve(dataDir) + path.sep)) throw new Error(`refusing to write ${file.path} outside the data folder`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content, { mode: 0o600 });
  }
  return { files: files.length };
}
