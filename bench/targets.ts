import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import type { GenerateReport } from './generate/generate.ts';
import type { TargetSpec } from './generate/sink.ts';

/**
 * Where each tier's data lives: a PostgreSQL database samtak_bench_<tier> on the server of
 * BENCH_DATABASE_URL (default: the local server), or a PGlite directory under bench/data/.
 * A manifest next to it says what was generated, by which generator version, and how long it took.
 */

/** Bump when the generated data changes shape, so stale bench databases are generated again. */
export const generatorVersion = 8;

export const benchDir = resolve(import.meta.dirname);
export const dataDir = join(benchDir, 'data');
export const resultsDir = join(benchDir, 'results');

const adminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseName(tier: string): string {
  return `samtak_bench_${tier.toLowerCase()}`;
}

export function databaseUrl(tier: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${databaseName(tier)}`;
  return url.toString();
}

export function pgliteDir(tier: string): string {
  return join(dataDir, `pglite-${tier.toLowerCase()}`);
}

export function targetSpec(engine: 'postgresql' | 'pglite', tier: string): TargetSpec {
  return engine === 'postgresql' ? { engine, url: databaseUrl(tier) } : { engine, dataDir: pgliteDir(tier) };
}

export interface Manifest extends GenerateReport {
  generatorVersion: number;
  generatedAt: string;
}

function manifestPath(engine: string, tier: string): string {
  return join(dataDir, `${engine}-${tier.toLowerCase()}.json`);
}

export function readManifest(engine: string, tier: string): Manifest | null {
  const path = manifestPath(engine, tier);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

export function writeManifest(report: GenerateReport): Manifest {
  const manifest: Manifest = { ...report, generatorVersion, generatedAt: new Date().toISOString() };
  const path = manifestPath(report.engine, report.tier);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Drops and creates the tier's database (PostgreSQL) or removes its directory (PGlite). */
export async function resetTarget(engine: 'postgresql' | 'pglite', tier: string): Promise<void> {
  rmSync(manifestPath(engine, tier), { force: true });
  if (engine === 'pglite') {
    rmSync(pgliteDir(tier), { recursive: true, force: true });
    return;
  }
  await adminQuery(`drop database if exists ${databaseName(tier)} with (force)`);
  await adminQuery(`create database ${databaseName(tier)}`);
}

export async function databaseExists(tier: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [databaseName(tier)]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The benchmark needs PostgreSQL at ${adminUrl()} (set BENCH_DATABASE_URL): ${String(error)}`,
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
