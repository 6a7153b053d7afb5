// The listening side of fixtures/announce.mjs: counts the calls worker threads announce.
import { BroadcastChannel } from 'node:worker_threads';

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts the calls announced on channel `name` (by `announcer(name)` in a worker fixture) since
 * the last reset. Close it when the tests are done.
 *
 * @example
 * const announced = announcedCalls(CALLS_CHANNEL);
 * announced.reset(); await check(); expect(announced.calls).toBe(24);
 */
export function announcedCalls(name: string): { readonly calls: number; reset(): void; close(): void } {
  let calls = 0;
  const channel = new BroadcastChannel(name);
  channel.onmessage = () => {
    calls++;
  };
  channel.unref();
  return {
    get calls() {
      return calls;
    },
    reset() {
      calls = 0;
    },
    close() {
      channel.close();
    },
  };
}
