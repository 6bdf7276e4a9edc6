/** Escapes LIKE's wildcards so that what a user typed is matched as plain text. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
