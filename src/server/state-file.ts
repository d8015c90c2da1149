// A state file: an engine's snapshot kept on disk across restarts (`kinesim serve --state FILE`). Node-only.
//
// Writes are atomic: the snapshot goes to a temporary file in the same directory, is flushed to disk (fsync),
// then renamed over the state file, and the directory is flushed so the rename survives a power cut. A process
// killed at any moment therefore leaves either the previous file or the new one, never a torn one.

import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Kinesis } from '../kinesis.js';
import type { RestoreOptions } from '../snapshot/read-snapshot.js';

/** The temporary files of `path`: `.<name>.<pid>.<random>.tmp` beside it. */
function tempPattern(path: string): RegExp {
  const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.\\d+\\.[0-9a-f]+\\.tmp$`);
}

/**
 * Writes `bytes` to `path` atomically (see above).
 * @throws the file system's error (ENOENT for a missing directory, EACCES, ENOSPC, ...); `path` is then untouched.
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o644);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Flushes a directory's entries (the rename); platforms that cannot open a directory (Windows) skip it. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR / EPERM / EINVAL where directories cannot be synced: the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

/**
 * The engine a state file holds, or undefined when there is no such file yet.
 * @throws SnapshotError when the file is not a snapshot kinesim can restore (corrupt, truncated, newer format,
 * another token secret), or the file system's error when it cannot be read.
 */
export async function readStateFile(path: string, options: RestoreOptions = {}): Promise<Kinesis | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return Kinesis.restore(bytes, options);
}

export interface StateFileOptions {
  /** Save this often (ms) while calls were made since the last save. Default: only when stopped. */
  readonly saveEveryMs?: number;
  /** Told about a periodic save that failed (the next one tries again). Default: ignored. */
  readonly onSaveError?: (error: unknown) => void;
  /** Told after each save, with its size and how long it took. */
  readonly onSaved?: (bytes: number, durationMs: number) => void;
}

/**
 * Keeps an engine's state in a file: saved every `saveEveryMs` when `touch()` was called since the last save
 * (a server touches it per request), and once more by `stop()`. Taking a snapshot blocks the event loop (about
 * 0.4 s per million stored records); writing it does not.
 */
export class StateFile {
  readonly #path: string;
  readonly #kinesis: Kinesis;
  readonly #options: StateFileOptions;
  readonly #timer: ReturnType<typeof setInterval> | undefined;
  #dirty: boolean;
  #saving: Promise<void> | undefined;
  #stopped = false;

  /** `fresh`: the file did not exist, so the first stop writes it even if nothing was called. */
  constructor(path: string, kinesis: Kinesis, options: StateFileOptions = {}, fresh = false) {
    const every = options.saveEveryMs;
    if (every !== undefined && !(Number.isFinite(every) && every > 0)) {
      throw new RangeError(`saveEveryMs must be a number of ms > 0, got ${String(every)}`);
    }
    this.#path = path;
    this.#kinesis = kinesis;
    this.#options = options;
    this.#dirty = fresh;
    this.#timer = every === undefined ? undefined : setInterval(() => this.#periodic(), every);
    this.#timer?.unref();
  }

  get path(): string {
    return this.#path;
  }

  /** Marks the state changed: the next periodic save or `stop()` writes it. */
  touch(): void {
    this.#dirty = true;
  }

  /**
   * Writes the engine's snapshot now (after any save already under way).
   * @throws the file system's error; the previous file is then untouched.
   */
  async save(): Promise<void> {
    while (this.#saving !== undefined) await this.#saving.catch(() => undefined);
    const started = performance.now();
    this.#dirty = false;
    const bytes = this.#kinesis.snapshot();
    this.#saving = writeFileAtomically(this.#path, bytes);
    try {
      await this.#saving;
      this.#options.onSaved?.(bytes.length, performance.now() - started);
    } catch (error) {
      this.#dirty = true;
      throw error;
    } finally {
      this.#saving = undefined;
    }
  }

  /**
   * Stops the periodic saves and writes the state once more if it changed since the last save.
   * @throws the file system's error of that last save.
   */
  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#stopped = true;
    while (this.#saving !== undefined) await this.#saving.catch(() => undefined);
    if (this.#dirty) await this.save();
  }

  #periodic(): void {
    if (this.#stopped || !this.#dirty || this.#saving !== undefined) return;
    this.save().catch((error: unknown) => this.#options.onSaveError?.(error));
  }
}

/**
 * Opens a state file: restores the engine it holds (or makes one with `create` when there is none yet) and
 * removes temporary files a killed process left beside it.
 * @throws SnapshotError for a file kinesim cannot restore (it is left as it is), or the file system's error.
 */
export async function openStateFile(
  path: string,
  create: () => Kinesis,
  restore: RestoreOptions = {},
  options: StateFileOptions = {},
): Promise<{ kinesis: Kinesis; state: StateFile; restored: boolean }> {
  const restored = await readStateFile(path, restore);
  const pattern = tempPattern(path);
  const leftovers = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(leftovers.filter((name) => pattern.test(name)).map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
  const kinesis = restored ?? create();
  return { kinesis, state: new StateFile(path, kinesis, options, restored === undefined), restored: restored !== undefined };
}
