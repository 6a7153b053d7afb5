import type { Barrier } from './protocol.js';

/** `Atomics.waitAsync` (Node ≥ 16), which the ES2022 library typings do not declare yet. */
type WaitAsync = (
  cells: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/**
 * @internal A barrier for `parties` tasks of one broadcast (see {@link Barrier}).
 *
 * @example
 * const barrier = createBarrier(2); // sent inside each of the two tasks
 */
export function createBarrier(parties: number): Barrier {
  return { cells: new Int32Array(new SharedArrayBuffer(8)), parties };
}

/**
 * @internal Releases every task waiting at the barrier (a broadcast that failed on one
 * thread must not leave the others waiting). Pushing the count past `parties` also wakes a
 * task that was just about to start waiting.
 *
 * @example
 * abandonBarrier(barrier);
 */
export function abandonBarrier(barrier: Barrier): void {
  Atomics.store(barrier.cells, 1, 1);
  Atomics.add(barrier.cells, 0, barrier.parties);
  Atomics.notify(barrier.cells, 0);
}

/**
 * @internal Counts this task in and waits, without blocking the thread's event loop, until
 * every party has arrived or the barrier is abandoned. The thread stays busy with this task
 * meanwhile, so the pool hands the other parties to other threads.
 *
 * @example
 * await arriveAndWait(task.barrier); // inside a worker
 */
export async function arriveAndWait(barrier: Barrier): Promise<void> {
  const { cells, parties } = barrier;
  let count = Atomics.add(cells, 0, 1) + 1;
  if (count >= parties) {
    Atomics.notify(cells, 0);
    return;
  }
  while (count < parties && Atomics.load(cells, 1) === 0) {
    const wait = waitAsync(cells, 0, count);
    if (wait.async) await wait.value;
    count = Atomics.load(cells, 0);
  }
}
