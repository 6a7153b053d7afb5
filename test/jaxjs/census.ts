/**
 * Counts jax-js's live buffers, independently of gradcheck: wraps `malloc`, `incRef` and
 * `decRef` of the cpu and wasm backends (the allocation points of every array that holds memory)
 * and keeps a reference count per slot. jax-js exports no counter, and its backends are reached
 * through the module that `@jax-js/jax` itself imports (the same instance), found from its
 * import line so that a rebuilt chunk name does not break the test.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Backend {
  malloc(...args: unknown[]): number;
  incRef(slot: number): void;
  decRef(slot: number): void;
}

const live = new Map<string, number>();
let installed = false;

async function install(): Promise<void> {
  const index = fileURLToPath(import.meta.resolve('@jax-js/jax'));
  const source = readFileSync(index, 'utf8');
  const line = /import \{([^}]*)\} from "\.\/(backend-[^"]+\.js)"/.exec(source);
  const alias = line && /(\w+) as getBackend\b/.exec(line[1]);
  if (!line || !alias) throw new Error('census: cannot find getBackend in @jax-js/jax (was it upgraded?)');
  const chunk = (await import(pathToFileURL(join(dirname(index), line[2])).href)) as Record<string, unknown>;
  const getBackend = chunk[alias[1]] as (device: string) => Backend;
  for (const device of ['cpu', 'wasm']) {
    const backend = getBackend(device);
    const { malloc, incRef, decRef } = backend;
    backend.malloc = function (...args) {
      const slot = malloc.apply(this, args);
      live.set(`${device}:${slot}`, 1);
      return slot;
    };
    backend.incRef = function (slot) {
      incRef.call(this, slot);
      const key = `${device}:${slot}`;
      if (live.has(key)) live.set(key, (live.get(key) as number) + 1);
    };
    backend.decRef = function (slot) {
      decRef.call(this, slot);
      const key = `${device}:${slot}`;
      const count = live.get(key);
      if (count === undefined) return;
      if (count <= 1) live.delete(key);
      else live.set(key, count - 1);
    };
  }
}

/**
 * The number of jax-js buffers alive now (allocated since the census started, not yet freed).
 * Call once in `beforeAll` to start counting.
 *
 * @example
 * const before = await liveBuffers();
 * … check …
 * expect(await liveBuffers()).toBe(before);
 */
export async function liveBuffers(): Promise<number> {
  if (!installed) {
    await install();
    installed = true;
  }
  return live.size;
}
