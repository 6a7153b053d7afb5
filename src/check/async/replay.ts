import type { TreeLayout } from '../../numeric/tree.js';
import { type Asked, type Call, Memo } from './memo.js';
import { PointKeys } from './keys.js';
import type { Model } from './placeholder.js';

/**
 * The memos of one async check: one per user function, sharing θ's keys and one queue of
 * calls to make.
 *
 * @example
 * const replay = new Replay(settings.layout);
 * const f = replay.wrap('f', userF);
 * @internal
 */
export class Replay {
  readonly keys: PointKeys;
  private readonly memos: Memo[] = [];
  private readonly asked: Asked = { queue: [], denseHit: false, denseAsked: 0 };
  /** The memo whose real calls the report's `evaluations` counts. */
  counted: Memo | undefined;

  constructor(private readonly layout: TreeLayout) {
    this.keys = new PointKeys(layout.values);
  }

  /**
   * A memo for `fn` (undefined when `fn` is not a function: the check rejects it itself, with
   * its own message).
   */
  memo(name: string, fn: unknown, model?: (memo: Memo) => Model): Memo | undefined {
    if (typeof fn !== 'function') return undefined;
    const memo = new Memo(name, fn as (...args: unknown[]) => unknown, this.keys, this.asked, this.layout);
    if (model) memo.model = model(memo);
    this.memos.push(memo);
    return memo;
  }

  startRun(): void {
    this.asked.denseHit = false;
    this.asked.denseAsked = 0;
    for (const memo of this.memos) memo.startRun();
  }

  /** The calls asked for since the last time, in the order they were asked for. */
  takeQueue(): Call[] {
    return this.asked.queue.splice(0);
  }
}
