import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

/** What the figures were measured on: they mean little without it. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgresql: string | null;
  postgresqlSettings: Record<string, string>;
  pglite: string;
  commit: string | null;
  loadAverageAtStart: number[];
}

export async function machineInfo(databaseUrl: string | null): Promise<MachineInfo> {
  let postgresql: string | null = null;
  const postgresqlSettings: Record<string, string> = {};
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      postgresql =
        (await client.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v ??
        null;
      const settings = await client.query<{ name: string; setting: string }>(
        `select name, current_setting(name) as setting from pg_settings where name = any($1) order by name`,
        [
          [
            'shared_buffers',
            'work_mem',
            'effective_cache_size',
            'max_connections',
            'synchronous_commit',
            'fsync',
            'jit',
            'random_page_cost',
          ],
        ],
      );
      for (const s of settings.rows) postgresqlSettings[s.name] = s.setting;
    } catch {
      postgresql = null;
    } finally {
      await client.end().catch(() => {});
    }
  }
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    commit = null;
  }
  const pgliteVersion = (
    JSON.parse(
      readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
    ) as { version: string }
  ).version;
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgresql,
    postgresqlSettings,
    pglite: pgliteVersion,
    commit,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
