import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { onAuditLock } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';

/**
 * Prometheus metrics of one process (decision 0087): requests by route pattern and status,
 * latency, the connection pool, the audit writer's lock. Labels are route patterns
 * (`/people/:id`), never URLs or query strings, so no name or identity number reaches them.
 */
export interface Metrics {
  registry: Registry;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export function registerMetrics(app: App, db: Pick<Db, 'engine'> & Partial<Db>): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'samtak_' });
  const requests = new Counter({
    name: 'samtak_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'samtak_http_request_duration_seconds',
    help: 'Time to answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const lock = new Histogram({
    name: 'samtak_audit_lock_seconds',
    help: "Time the audit writer's statement took to take a municipality's lock (waiting included)",
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });
  const stopListening = onAuditLock((seconds) => lock.observe(seconds));
  if (db.stats) {
    const stats = db.stats.bind(db);
    new Gauge({
      name: 'samtak_db_pool_connections',
      help: 'Database pool: connections in all, idle, and callers waiting for one',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const now = stats();
        this.set({ state: 'total' }, now.total);
        this.set({ state: 'idle' }, now.idle);
        this.set({ state: 'waiting' }, now.waiting);
      },
    });
  }
  if (db.engine === 'postgresql') {
    new Gauge({
      name: 'samtak_audit_lock_waiting',
      help: 'Sessions waiting for an advisory lock (the audit writer is the one that takes them)',
      registers: [registry],
      async collect() {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`.execute(
          app.db,
        );
        this.set(rows[0]?.n ?? 0);
      },
    });
  }
  app.decorate('metrics', { registry });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => {
    stopListening();
  });
}

/** A bearer token compared in constant time. */
export function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
