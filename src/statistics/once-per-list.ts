/**
 * A page computes every unit's figures from the same rows, so what the figures look up in a list
 * is built once per list. Keyed by the list itself (a WeakMap): nothing outlives the request's
 * rows, and no figure can come from another request's (decision 0140).
 */
export function oncePerList<L extends object, V>(derive: (list: L) => V): (list: L) => V {
  const cache = new WeakMap<L, V>();
  return (list) => {
    if (cache.has(list)) return cache.get(list) as V;
    const value = derive(list);
    cache.set(list, value);
    return value;
  };
}

/** Rows by a key, each group in the rows' order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
