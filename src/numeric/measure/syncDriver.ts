/**
 * The synchronous driver: evaluates each batch in a plain loop on one working copy of θ, in
 * the order asked — the check's calls of f are the seed's loop, with nothing in between.
 */
import type { TreeLayout } from '../tree.js';
import { Slot, lookNow } from './copies.js';
import {
  type CallRequest,
  type EvaluateRequest,
  type Measurement,
  type Outcome,
  type Request,
  type Write,
  attempt,
  resume,
} from './protocol.js';

/** What the drivers share: θ's layout, the first-call watch. */
export class DriverState {
  /** The first write f made on its very first call (see `LookRequest`). */
  firstCallWrite: Write | undefined;
  private firstCallSeen = false;

  constructor(readonly layout: TreeLayout) {}

  /** Whether the next call is f's first: then the caller snapshots θ around it. */
  takeFirstCall(): boolean {
    if (this.firstCallSeen) return false;
    this.firstCallSeen = true;
    return true;
  }
}

/**
 * Runs a measurement to its result, evaluating every batch synchronously. An error of f (or of
 * a user function) is thrown into the measurement, which may catch it.
 *
 * @example
 * const report = runSync(gradientMeasurement(f, grad, settings), settings.layout);
 */
export function runSync<T>(measurement: Measurement<T>, layout: TreeLayout): T {
  const driver = new SyncDriver(layout);
  let outcome: Outcome = { ok: true, value: undefined };
  for (;;) {
    const step = resume(measurement, outcome);
    if (step.done) return step.value;
    outcome = attempt(() => driver.serve(step.value));
  }
}

class SyncDriver {
  private readonly state: DriverState;
  private slot: Slot | undefined;

  constructor(private readonly layout: TreeLayout) {
    this.state = new DriverState(layout);
  }

  serve(request: Request): unknown {
    if (request.kind === 'evaluate') return this.evaluate(request);
    if (request.kind === 'call') return call(request);
    if (request.what === 'first-call') return this.state.firstCallWrite;
    return this.slot ? lookNow([this.slot], this.layout) : undefined;
  }

  private evaluate(request: EvaluateRequest): unknown[] {
    const { target, points } = request;
    const slot = (this.slot ??= new Slot(this.layout));
    const { fn, hooks } = target;
    const out: unknown[] = [];
    for (let k = 0; k < points.length; k++) {
      const point = points[k];
      const theta = slot.move(point);
      const before = this.state.takeFirstCall() ? slot.snapshot() : undefined;
      let value: unknown;
      try {
        value = (fn as (theta: unknown) => unknown)(theta);
      } finally {
        if (before) this.state.firstCallWrite = slot.firstWrite(before);
        slot.restore(point);
      }
      hooks?.after(value);
      out.push(target.accept(value, point.site));
    }
    return out;
  }
}

/** A user function's value as it returned it. */
export function call(request: CallRequest): unknown {
  return request.fn(...request.args);
}
