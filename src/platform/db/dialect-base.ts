import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type TransactionSettings,
} from 'kysely';

/**
 * Settings of every PostgreSQL session the app opens, with either client. JIT compilation off:
 * the statistics' statements are estimated above `jit_above_cost` (a correlated subquery per
 * case), and compiling them cost 300-700 ms of a request's 470-1,000 ms at tier L, for rows the
 * executor reads in milliseconds (decision 0143). PGlite has no JIT.
 */
export const sessionSettings = { jit: 'off' } as const;

/** A connection that can run a statement without parameters (BEGIN, COMMIT, ROLLBACK). */
export interface RawConnection extends DatabaseConnection {
  raw(statement: string): Promise<void>;
}

/** What our PostgreSQL-speaking dialects (PGlite, the `postgres` client) share: all but the driver. */
export function postgresFamilyDialect(createDriver: () => Driver): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver,
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

/** Transactions as plain statements on the connection the driver handed out. */
export abstract class RawTransactions {
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await (connection as RawConnection).raw(`begin${level}`);
  }
  async commitTransaction(connection: DatabaseConnection) {
    await (connection as RawConnection).raw('commit');
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await (connection as RawConnection).raw('rollback');
  }
}
