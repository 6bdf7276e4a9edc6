/**
 * `npm run check` runs this after the type checker: the house rules that no compiler checks.
 *
 * - No import circles between files (type-only imports count too: a circle of types is a circle
 *   of reasons to change).
 * - No file in src/ is over 600 lines, apart from demo content and catalogues of texts: a file
 *   is about one thing (a page, a step), and one thing fits in 600 lines.
 * - The platform imports no feature: src/platform/ (tests apart) imports only src/platform/ and
 *   src/config.ts. Features plug into it (src/platform/features.ts, access/policy.ts, db/migrate.ts);
 *   it never reaches for them.
 *
 * Exits 1 and names every broken rule. Imports are read with TypeScript's own pre-processor, so
 * `import type`, `export … from` and dynamic imports are all seen.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const roots = ['src', 'e2e', 'bench', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'results' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = roots.flatMap((dir) => sourceFiles(join(root, dir)));
const known = new Set(files);

/** File → the files of this repository it imports. */
const imports = new Map<string, string[]>(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const local = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec))
      .filter((path) => known.has(path));
    return [file, local];
  }),
);

/** Strongly connected components of more than one file (Tarjan), or a file importing itself. */
function circles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const dep of imports.get(file) ?? []) {
      if (!index.has(dep)) {
        visit(dep);
        low.set(file, Math.min(low.get(file)!, low.get(dep)!));
      } else if (onStack.has(dep)) low.set(file, Math.min(low.get(file)!, index.get(dep)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || imports.get(file)?.includes(file)) found.push(component.reverse());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

const problems: string[] = [];
const rel = (file: string) => relative(root, file);

for (const circle of circles()) {
  problems.push(`import circle: ${circle.map(rel).join(' → ')} → ${rel(circle[0]!)}`);
}

const platform = join(root, 'src', 'platform');
const config = join(root, 'src', 'config.ts');
for (const file of files) {
  if (!file.startsWith(`${platform}/`) || /\.test\.tsx?$/.test(file)) continue;
  for (const dep of imports.get(file) ?? [])
    if (!dep.startsWith(`${platform}/`) && dep !== config)
      problems.push(`platform imports a feature: ${rel(file)} → ${rel(dep)}`);
}

const maxLines = 600;
/** Demo content and catalogues of texts are long by nature: they are data, read entry by entry. */
const longByNature = (path: string) => path.includes('/i18n/') || path === 'src/guide/demo-content.ts';
const everyFile = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? everyFile(path) : [path];
  });
for (const file of everyFile(join(root, 'src'))) {
  if (longByNature(rel(file))) continue;
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  if (lines > maxLines)
    problems.push(`over ${maxLines} lines: ${rel(file)} (${lines}); split it by page or step`);
}

if (problems.length) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(
  `Structure: ${files.length} files, no import circles, none in src/ over ${maxLines} lines, the platform imports no feature.`,
);
