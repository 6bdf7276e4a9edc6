import type pg from 'pg';

/**
 * Named prepared statements for the statements a server runs again and again (decision 0111):
 * a statement text seen `after` times gets a name, and from then on each connection prepares it
 * once and PostgreSQL keeps its plan, instead of parsing and planning an unnamed statement on
 * every request. The fixed-shape hot statements (the session lookup, the audit lock, the audit
 * insert, BEGIN and COMMIT) are named within a few requests; texts that vary (lists of ids) stay
 * unnamed once `max` names are given. Off unless asked for (openDatabase's `namedStatements`):
 * the benchmark measures it against the unnamed default.
 */
export function nameRepeatedStatements(pool: pg.Pool, options = { after: 3, max: 200 }): void {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || names.size >= options.max) return known;
    const count = (seen.get(text) ?? 0) + 1;
    if (count < options.after) {
      if (seen.size < 10_000) seen.set(text, count);
      return undefined;
    }
    seen.delete(text);
    const name = `samtak_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // Kysely's driver calls query(text, values) and awaits the promise; anything else passes as it is.
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
        const name = nameOf(text);
        if (name) return query({ name, text, values });
      }
      return query(...args);
    };
  });
}
