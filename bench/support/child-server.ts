// Servers for the HTTP benchmarks, each in a child process of its own (so the client's process measures the client
// only): the child reports its port over IPC; stop() ends it by its own PID.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const START_TIMEOUT_MS = 15_000;

export interface ChildServer {
  readonly name: string;
  readonly url: string;
  readonly proc: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `script` (a path relative to this folder) and resolves once it reports its port. TypeScript children run
 * with this process's loader (tsx); plain CommonJS ones without it.
 */
export function startChildServer(name: string, script: string, args: readonly string[] = []): Promise<ChildServer> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const execArgv = script.endsWith('.ts') ? process.execArgv.filter((arg) => arg !== '--expose-gc') : [];
  return new Promise((resolve, reject) => {
    const proc = fork(path, [...args], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`${name}: no port after ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    proc.once('error', fail);
    proc.once('exit', (code) => fail(new Error(`${name} exited with code ${code}`)));
    proc.once('message', (message) => {
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      const { port } = message as { port: number };
      resolve({ name, url: `http://127.0.0.1:${port}`, proc, stop: () => stop(proc) });
    });
  });
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill();
  await exited;
}
