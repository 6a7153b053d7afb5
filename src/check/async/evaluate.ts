import { FlatReader } from './flat.js';
import type { Call } from './memo.js';

/**
 * Makes the real calls that a run asked for, at most `concurrency` in flight, each on its own
 * copy of its arguments, and records every outcome (a thrown error or a rejection included: the
 * run that asks for that point again sees it thrown, as a synchronous f would throw it).
 * Outcomes are stored by point, never by completion order, so what the next run sees does not
 * depend on `concurrency` or on timing.
 *
 * @example
 * await evaluateCalls(queue.splice(0), 8);
 */
export async function evaluateCalls(calls: readonly Call[], concurrency: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    const reader = new FlatReader();
    while (next < calls.length) {
      const call = calls[next++];
      const args = call.memo.argsOf(call);
      try {
        const value = await call.memo.fn(...args);
        call.memo.settle(call, args[0], { value, failed: false }, reader);
      } catch (error) {
        call.memo.settle(call, args[0], { error, failed: true }, reader);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, lane));
  // The shape of later placeholders: the first success in the order the calls were asked for.
  for (const call of calls) if (!call.failed && call.memo.firstCall === undefined) call.memo.firstCall = call;
}
