import { createHash } from 'node:crypto';
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

/**
 * A store for @fastify/rate-limit in PostgreSQL (decision 0087): every app process on the same
 * database counts into the same row, so a limit holds however a balancer spreads the requests.
 * One statement per counted request, outside any request transaction. Keys are hashed: a key may
 * be an address or an API token, neither of which belongs in a table.
 */
export function postgresRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  let counted = 0;
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: FastifyRateLimitOptions,
      private readonly prefix = 'app',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const hashed = createHash('sha256').update(`${this.prefix}\u0000${key}`).digest('base64url');
      const expired = sql`rate_limit_bucket.window_started_at + ${timeWindow} * interval '1 millisecond' <= clock_timestamp()`;
      sql<{ hits: number; ttl: number }>`
        insert into rate_limit_bucket (key, window_started_at, hits) values (${hashed}, clock_timestamp(), 1)
        on conflict (key) do update set
          hits = case when ${expired} then 1 else rate_limit_bucket.hits + 1 end,
          window_started_at = case when ${expired} then clock_timestamp() else rate_limit_bucket.window_started_at end
        returning hits,
          greatest(0, ceil(extract(epoch from (window_started_at + ${timeWindow} * interval '1 millisecond'
            - clock_timestamp())) * 1000))::int as ttl`
        .execute(db)
        .then(
          ({ rows }) => callback(null, { current: rows[0]?.hits ?? 1, ttl: rows[0]?.ttl ?? timeWindow }),
          (error: Error) => callback(error),
        );
      if (++counted % 1000 === 0)
        sql`delete from rate_limit_bucket where window_started_at < clock_timestamp() - interval '1 day'`
          .execute(db)
          .catch(() => {});
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the route's merged limit options, the route itself under routeInfo.
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new PostgresRateLimitStore(undefined, `${String(route?.method)} ${String(route?.url)}`);
    }
  }
  return PostgresRateLimitStore;
}
