/**
 * The asynchronous driver: the same measurement as the synchronous one, with each batch's
 * points evaluated by an async f at most `concurrency` at a time (each in-flight call on its
 * own working copy of θ), or sent as moves to a batched function (a worker pool keeping its own
 * θ). Once an evaluation fails or the time is up, no evaluation starts; the driver waits for
 * those in flight and closes any session before it answers.
 */
import { readAhead } from '../adapters/release.js';
import { type BatchSession, type BatchedFunction, type MovedPoint, batched, isBatched } from '../batched.js';
import type { TreeLayout } from '../tree.js';
import { Slot, lookNow } from './copies.js';
import {
  type EvaluateRequest,
  type EvaluationHooks,
  type Measurement,
  type Outcome,
  type Point,
  type Request,
  type Target,
  resume,
} from './protocol.js';
import { DriverState } from './syncDriver.js';

/** Points in the first chunk of a batch sent to a batched function: a few per thread. */
const FIRST_CHUNK = 8;
/** A chunk that took less than this (ms) is followed by one twice its size. */
const CHUNK_MS = 100;

/** A point as the moves a batched function takes (its own buffers: they travel). */
function moved(p: Point): MovedPoint {
  return { indices: Int32Array.from(p.indices), values: Float64Array.from(p.values) };
}

/** The evaluation stage told of a chunk's values: together when it takes them so, else one by one. */
function afterChunk(hooks: EvaluationHooks | undefined, values: ArrayLike<unknown>): void {
  if (hooks?.afterMany) hooks.afterMany(values);
  else for (let k = 0; k < values.length; k++) hooks?.after(values[k]);
}

/** How the async driver runs. */
export interface AsyncDriverOptions {
  /** Calls of a plain async f in flight at most. */
  readonly concurrency: number;
}

/**
 * Runs a measurement to its result, awaiting every evaluation.
 *
 * @example
 * const report = await runAsync(gradientMeasurement(f, grad, settings), settings.layout, { concurrency: 8 });
 */
export async function runAsync<T>(measurement: Measurement<T>, layout: TreeLayout, options: AsyncDriverOptions): Promise<T> {
  const driver = new AsyncDriver(layout, Math.max(1, Math.floor(options.concurrency)));
  try {
    let outcome: Outcome = { ok: true, value: undefined };
    for (;;) {
      const step: IteratorResult<Request, T> = resume(measurement, outcome);
      if (step.done) return step.value;
      outcome = await driver.serve(step.value).then(
        (value): Outcome => ({ ok: true, value }),
        (error): Outcome => ({ ok: false, error }),
      );
    }
  } finally {
    await driver.close();
  }
}

class AsyncDriver {
  private readonly state: DriverState;
  private readonly slots: Slot[] = [];
  private readonly sessions = new Map<unknown, Promise<BatchSession>>();
  /** Points in the next chunk sent to a batched function (doubling while a chunk is quick). */
  private chunkSize = FIRST_CHUNK;

  constructor(
    private readonly layout: TreeLayout,
    private readonly concurrency: number,
  ) {
    this.state = new DriverState(layout);
  }

  async serve(request: Request): Promise<unknown> {
    if (request.kind === 'evaluate') {
      return isBatched(request.target.fn) ? this.evaluateBatched(request) : this.evaluatePooled(request);
    }
    if (request.kind === 'call') {
      const value = await request.fn(...request.args);
      await readAhead(value);
      return value;
    }
    if (request.what === 'first-call') return this.state.firstCallWrite;
    return lookNow(this.slots, this.layout);
  }

  /** At most `concurrency` calls in flight, each on its own slot; the results in point order. */
  private async evaluatePooled(request: EvaluateRequest): Promise<unknown[]> {
    const { target, points } = request;
    const results: unknown[] = points.map(() => undefined);
    let next = 0;
    // The first failure in point order: later points may fail first when several are in flight.
    const failed: { error: unknown; at: number }[] = [];
    const worker = async (slot: Slot) => {
      while (failed.length === 0 && next < points.length) {
        const at = next++;
        try {
          results[at] = await this.evaluateOn(slot, target, points[at]);
        } catch (error) {
          failed.push({ error, at });
        }
      }
    };
    const width = Math.min(this.concurrency, points.length);
    while (this.slots.length < width) this.slots.push(new Slot(this.layout));
    await Promise.all(this.slots.slice(0, width).map(worker));
    if (failed.length > 0) throw failed.reduce((a, b) => (b.at < a.at ? b : a)).error;
    return results;
  }

  private async evaluateOn(slot: Slot, target: Target<unknown>, point: Point): Promise<unknown> {
    target.hooks?.before?.();
    const theta = slot.move(point);
    const before = this.state.takeFirstCall() ? slot.snapshot() : undefined;
    let value: unknown;
    try {
      value = await (target.fn as (theta: unknown) => unknown)(theta);
    } finally {
      if (before) this.state.firstCallWrite = slot.firstWrite(before);
      slot.restore(point);
    }
    // Tensors f returned are read with their adapter's asynchronous read, when it has one.
    await readAhead(value);
    target.hooks?.after(value);
    return target.accept(value, point.site);
  }

  /**
   * One session per batched function for the whole check: the points go as moves, in chunks
   * that grow until one takes about CHUNK_MS. Between chunks the evaluation stage runs (progress,
   * the pre-flight, the hard stop), so a check on worker threads stops in time as an
   * in-process one does; a chunk's end costs the threads one wait for the slowest of them.
   */
  private async evaluateBatched(request: EvaluateRequest): Promise<unknown[]> {
    const { target, points } = request;
    const session = await this.sessionFor(target.fn as unknown as BatchedFunction);
    const out: unknown[] = [];
    for (let from = 0; from < points.length; ) {
      target.hooks?.before?.();
      const chunk = points.slice(from, from + this.chunkSize);
      const started = performance.now();
      const values = await session.evaluate(chunk.map(moved));
      if (performance.now() - started < CHUNK_MS) this.chunkSize *= 2;
      afterChunk(target.hooks, values);
      chunk.forEach((p, k) => {
        out.push(target.accept(values[k], p.site));
      });
      from += chunk.length;
    }
    return out;
  }

  /** The session of a batched function, opened with θ (in the caller's structure) when first needed. */
  private sessionFor(fn: BatchedFunction): Promise<BatchSession> {
    let session = this.sessions.get(fn);
    if (!session) {
      // θ goes once; from then on only the moved entries travel.
      session = fn[batched].open(this.layout.workingCopy().root());
      this.sessions.set(fn, session);
    }
    return session;
  }

  /** Closes every session opened for this check. */
  async close(): Promise<void> {
    const open = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(open.map(async (s) => (await s).close()));
  }
}
