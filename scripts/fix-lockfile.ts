/**
 * Drops optional dependencies that the lockfile names but does not contain.
 *
 * Why: the registry we install from carries only the Linux builds of some packages (Biome's
 * platform binaries). `npm install` then leaves the other platforms out of package-lock.json but
 * keeps them in the parent's `optionalDependencies`, and `npm ci` refuses such a lockfile as out of
 * sync. Run `npm run lockfile:fix` after every `npm install` that changes the lockfile.
 * See docs/decisions/0006-lockfile-and-registry.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Entry = { optionalDependencies?: Record<string, string> };
const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, Entry> };

let dropped = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) {
      delete entry.optionalDependencies?.[name];
      dropped++;
    }
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: dropped ${dropped} optional dependencies the registry does not have.`);
