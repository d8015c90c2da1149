// What the real-client tests share: `kinesim serve` spawned as a user runs it, the tools they need (each test is
// skipped with the reason printed when its tool is missing), and running a tool without blocking the event loop
// (the server may live in this process).
import { execFile, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

/** Credentials and region for every tool, with no config files of the machine's user read. */
export const AWS_ENV: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'AKIDKINESIM',
  AWS_SECRET_ACCESS_KEY: 'kinesim',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
};

/** Whether `command args` runs and exits 0; when it does not, the reason is printed once, for the skipped test. */
export function available(what: string, command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { timeout: 20_000, encoding: 'utf8' });
  if (result.status === 0) return true;
  console.log(`skipping the ${what} tests: \`${command} ${args.join(' ')}\` failed (${result.error?.message ?? result.stderr.trim().split('\n').at(-1)})`);
  return false;
}

export interface Served {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the server wrote to stderr so far (its --log lines). */
  stderr(): string;
  stop(): Promise<void>;
}

/** Spawns `kinesim serve --port 0 ...args` from the sources and resolves with its URL once it is ready. */
export async function kinesimServe(...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), 'serve', '--port', '0', ...args]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (https?:\/\/\S+) /.exec(stdout);
      if (match !== null) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`kinesim serve exited ${code}: ${stderr}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs a tool asynchronously; resolves with its output, rejects with its stderr when it fails. */
export function run(command: string, args: readonly string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, env: { ...process.env, ...AWS_ENV, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`${command} ${args.slice(0, 4).join(' ')}... failed: ${error.message}\n${stderr}`));
    });
  });
}
