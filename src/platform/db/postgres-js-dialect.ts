import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import postgres, { type ReservedSql, type Sql } from 'postgres';
import { postgresFamilyDialect, RawTransactions, sessionSettings } from './dialect-base.ts';

/**
 * Kysely dialect for the `postgres` client (decision 0142), measured against `pg` by
 * `npm run bench -- --client postgres`. It pipelines and prepares: every statement is prepared
 * once per connection and its plan kept, which `pg` does only with named statements (0111).
 * A statement with parameters that is not prepared would cost `postgres` two round trips (it
 * describes the statement first), so every one is prepared; a connection's statements are let go
 * with the connection after `max_lifetime`.
 */
export function postgresJsDialect(sql: Sql, counts = new PoolCounts()): Dialect {
  return postgresFamilyDialect(() => new PostgresJsDriver(sql, counts));
}

/**
 * The pool's figures for /metrics, counted by the driver: `postgres` does not publish its own.
 * It keeps the connections it opened (no idle timeout), so the most held at once is what it has
 * open, until `max_lifetime` lets one go and it opens another when needed.
 */
export class PoolCounts {
  busy = 0;
  waiting = 0;
  opened = 0;
  readonly snapshot = () => ({ total: this.opened, idle: this.opened - this.busy, waiting: this.waiting });
}

/**
 * The client with the same values as `pg` gives (database.ts): dates as 'YYYY-MM-DD' strings,
 * 64-bit integers as numbers, and JSON text passed as it is (`postgres` would otherwise encode a
 * string again, and the features write jsonb as JSON text).
 */
export function postgresJsClient(url: string, max: number): Sql {
  return postgres(url, {
    max,
    connection: { ...sessionSettings },
    onnotice: () => {},
    types: {
      calendarDate: {
        to: 1082,
        from: [1082],
        serialize: (x: unknown) => (x instanceof Date ? x.toISOString().slice(0, 10) : String(x)),
        parse: (x: string) => x,
      },
      int8: { to: 20, from: [20], serialize: (x: unknown) => String(x), parse: (x: string) => Number(x) },
      json: {
        to: 114,
        from: [114, 3802],
        serialize: (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x)),
        parse: (x: string) => JSON.parse(x),
      },
    },
  });
}

class PostgresJsDriver extends RawTransactions implements Driver {
  constructor(
    private readonly sql: Sql,
    private readonly counts: PoolCounts,
  ) {
    super();
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.counts.waiting++;
    let reserved: ReservedSql;
    try {
      reserved = await this.sql.reserve();
    } finally {
      this.counts.waiting--;
    }
    this.counts.busy++;
    this.counts.opened = Math.max(this.counts.opened, this.counts.busy);
    return new PostgresJsConnection(reserved);
  }
  async releaseConnection(connection: DatabaseConnection) {
    (connection as PostgresJsConnection).release();
    this.counts.busy--;
  }
  async destroy() {
    await this.sql.end();
  }
}

const counted = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PostgresJsConnection implements DatabaseConnection {
  constructor(private readonly reserved: ReservedSql) {}
  async raw(statement: string) {
    await this.reserved.unsafe(statement);
  }
  release() {
    this.reserved.release();
  }
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const parameters = compiled.parameters.map((p) => this.parameter(p));
    const result = await this.reserved.unsafe(compiled.sql, parameters, { prepare: true });
    const rows = Array.from(result) as R[];
    return counted.has(result.command) ? { rows, numAffectedRows: BigInt(result.count) } : { rows };
  }
  /**
   * `postgres` types an array by its first element (an array of booleans as `boolean`, which
   * `$1::boolean[]` then refuses); wrapped, it is typed as the array. Arrays of strings and numbers
   * stay untyped, so PostgreSQL infers their type from the statement, as with `pg`.
   */
  private parameter(value: unknown): postgres.ParameterOrJSON<never> {
    const first: unknown = Array.isArray(value) ? value.find((x) => x !== null) : undefined;
    const typedByElement = typeof first === 'boolean' || typeof first === 'bigint' || first instanceof Date;
    return (
      typedByElement ? this.reserved.array(value as never[]) : value
    ) as postgres.ParameterOrJSON<never>;
  }
  // biome-ignore lint/correctness/useYield: no feature streams; fail loudly if one starts to.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The postgres client dialect does not stream');
  }
}
