import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../platform/db/database.ts';

/** Where `npm run backup` puts the embedded database's copies (decision 0088). */
export const backupDirectory = (dataDir: string) => join(dataDir, 'backups');

/** The backups in the directory, oldest first (their names sort by time). */
export function backupsIn(dataDir: string): string[] {
  try {
    return readdirSync(backupDirectory(dataDir))
      .filter((name) => /^samtak-.*\.tar\.gz$/.test(name))
      .sort()
      .map((name) => join(backupDirectory(dataDir), name));
  } catch {
    return [];
  }
}

/** Writes a copy of a PGlite database to DATA_DIR/backups/samtak-<UTC time>.tar.gz and names it. */
export async function backupInto(db: Db, dataDir: string, now = new Date()): Promise<string> {
  if (!db.backup)
    throw new Error('Only the embedded database is backed up by Samtak; use pg_dump for PostgreSQL');
  mkdirSync(backupDirectory(dataDir), { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(backupDirectory(dataDir), `samtak-${stamp}.tar.gz`);
  await db.backup(target);
  return target;
}
