/**
 * The entry of a table for a key that came from outside (a query string, a form), or undefined.
 * The table is typed complete (Record<Key, …>), so a missing entry is a compile error; a key that
 * is not in it, or one of Object's own names, finds nothing.
 */
export function entryFor<K extends string, V>(
  table: Readonly<Record<K, V>>,
  key: string | undefined,
): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key as K] : undefined;
}
