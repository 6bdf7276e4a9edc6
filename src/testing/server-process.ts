import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/**
 * The real server (src/server.ts) as a child process, for tests of what happens at start and
 * after a crash: they need a process that can be killed, not an app inside the test.
 */
const serverPath = fileURLToPath(new URL('../server.ts', import.meta.url));
const verifyPath = fileURLToPath(new URL('../audit-verify.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** Ends the process with the signal and waits for it to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function spawnServer(env: Record<string, string>, script = serverPath, args: readonly string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    seen.stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    seen.stderr += chunk;
  });
  return { child, seen, output: () => seen.stdout + seen.stderr };
}

/** Starts the server and resolves once it listens (its log names the port). */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const { child, output } = spawnServer(env);
  const deadline = Date.now() + timeoutMs;
  let baseUrl: string | undefined;
  while (!baseUrl) {
    const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1];
    if (port) baseUrl = `http://127.0.0.1:${port}`;
    else if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output()}`);
    else if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time: ${output()}`);
    } else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl,
    child,
    output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

/** Runs the server expecting it to stop by itself (a refused start); gives its exit code and output. */
export async function runServerToExit(
  env: Record<string, string>,
  timeoutMs = 60_000,
  script = serverPath,
  args: readonly string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { child, seen } = spawnServer(env, script, args);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  // 'close', not 'exit': by then everything the process wrote has been read.
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, ...seen };
}

/** `npm run audit:verify` on the given database, as an operator would run it. */
export function runAuditVerify(env: Record<string, string>) {
  return runServerToExit(env, 60_000, verifyPath);
}
