import type { TreeLayout } from '../../numeric/tree.js';
import { type FlatReader, writeFlat } from './flat.js';
import { type Point, type PointKeys, differs } from './keys.js';
import { type Anchor, type Model, Placeholders, Suspend } from './placeholder.js';

/**
 * One real call of a user function: pending until evaluated, then its outcome. θ is kept as the
 * entries it moved from the base θ (a finite-difference point moves one or two), not as a copy:
 * 2n copies of a large θ would not fit in memory. Only a dense point keeps a full copy.
 */
export interface Call {
  readonly memo: Memo;
  /** The moved entries and their values, or undefined for a dense point (see `dense`). */
  readonly moved: readonly number[] | undefined;
  readonly values: readonly number[];
  /** θ's numbers, for a dense point only. */
  readonly dense: Float64Array | undefined;
  /** The other arguments (cotangent, tangent), privately copied when the call was asked for. */
  readonly rest: readonly unknown[];
  done: boolean;
  failed: boolean;
  value?: unknown;
  error?: unknown;
  /** Entries the function wrote into its copy of θ: [flat index, new value]. */
  writes: [number, number][];
}

/**
 * The calls a run asked for, shared by the memos of one check, and what the run has seen of
 * dense points (points that move more entries than a coordinate stencil: fast mode's directions
 * and their group tests, JVP tangents).
 */
export interface Asked {
  readonly queue: Call[];
  /** A dense point was answered with a real value in this run. */
  denseHit: boolean;
  /** Dense points asked for in this run. */
  denseAsked: number;
}

/** A private copy of an argument: the caller's object may change before the call runs. */
function copyOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

/** A recorded result handed to a run: a copy, so nothing a run does to it reaches the next run. */
function fresh(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** Entries a coordinate stencil moves: one (differences), two (a Hessian's mixed differences). */
const MOST_MOVED_BY_A_STENCIL = 2;

/** The key of θ itself (nothing moved, no other arguments), first occurrence. */
const AT_THETA = 's:#0';

/**
 * The synchronous memo of one user function (f, grad, vjp, …) for the async replay: calls are
 * keyed by their arguments' values plus an occurrence index (the determinism probe calls f(θ)
 * two or three times in one run; each must stay a distinct real call). A recorded call answers
 * at once, replaying any write the real call made into its θ; an unknown one is queued and
 * answered with the model's placeholder.
 * @internal
 */
export class Memo {
  readonly records = new Map<string, Call>();
  /** Calls of this function in the current run, per point key. */
  private occurrences = new Map<string, number>();
  /** Calls in the current run (hits and misses). */
  callsThisRun = 0;
  /** Real calls made (evaluated). */
  realCalls = 0;
  /** The first successful real call, in the order calls were asked for: shape and anchor of placeholders. */
  firstCall: Call | undefined;
  private anchorCache: { call: Call; anchor: Anchor } | undefined;
  private readonly placeholders: Placeholders;
  model: Model = { shape: () => this.first };

  /** The first real result: the shape of later placeholders. */
  get first(): unknown {
    return this.firstCall?.value;
  }

  constructor(
    readonly name: string,
    readonly fn: (...args: unknown[]) => unknown,
    private readonly keys: PointKeys,
    private readonly asked: Asked,
    /** θ's structure, to build each real call's private copy of θ. */
    private readonly layout: TreeLayout,
  ) {
    this.placeholders = new Placeholders(keys.base);
  }

  /** Starts a run: occurrences count from zero again. */
  startRun(): void {
    this.occurrences.clear();
    this.callsThisRun = 0;
  }

  /** The synchronous stand-in for the user function that the check calls. */
  readonly wrapped = (...args: unknown[]): unknown => {
    const point = this.keys.of(args);
    const seen = this.occurrences.get(point.key) ?? 0;
    this.occurrences.set(point.key, seen + 1);
    this.callsThisRun++;
    const key = `${point.key}#${seen}`;
    const call = this.records.get(key);
    const dense = !point.moved || point.moved.length > MOST_MOVED_BY_A_STENCIL;
    if (call?.done) {
      if (dense) this.asked.denseHit = true;
      return this.replay(call, args[0]);
    }
    if (!call) {
      // Past real dense values, a check searches (group testing, re-checks along a direction):
      // each next dense point depends on the last value, so guessing ahead would waste calls.
      if (dense && this.asked.denseHit && this.asked.denseAsked > 0) throw new Suspend();
      if (dense) this.asked.denseAsked++;
      this.ask(key, args, point);
    }
    return this.placeholders.at(this.model, point);
  };

  /** The recorded result at θ itself, if the real call has been made and succeeded. */
  atTheta(): unknown {
    const call = this.records.get(AT_THETA);
    return call?.done && !call.failed ? call.value : undefined;
  }

  /** A real result to anchor placeholders to: f(θ) when known, else the first real call. */
  anchor(): Anchor | undefined {
    const at = this.records.get(AT_THETA);
    const call = at?.done && !at.failed ? at : this.firstCall;
    if (!call) return undefined;
    if (this.anchorCache?.call !== call) {
      const flat = call.dense ?? this.keys.base.slice();
      call.moved?.forEach((i, k) => {
        flat[i] = call.values[k];
      });
      this.anchorCache = { call, anchor: { value: call.value, flat, moved: call.moved } };
    }
    return this.anchorCache.anchor;
  }

  private replay(call: Call, theta: unknown): unknown {
    for (const [i, v] of call.writes) writeFlat(theta, i, v);
    if (call.failed) throw call.error;
    return fresh(call.value);
  }

  private ask(key: string, args: unknown[], point: Point): void {
    const moved = point.moved;
    const call: Call = {
      memo: this,
      moved,
      values: moved ? moved.map((i) => point.flat[i]) : [],
      dense: moved ? undefined : point.flat.slice(),
      rest: args.slice(1).map(copyOf),
      done: false,
      failed: false,
      writes: [],
    };
    this.records.set(key, call);
    this.asked.queue.push(call);
  }

  /** The arguments of a real call: a fresh copy of θ in the caller's structure, and the others. */
  argsOf(call: Call): unknown[] {
    const theta = this.layout.unflatten(call.dense ?? this.keys.base);
    if (typeof theta === 'number') return [call.moved?.length ? call.values[0] : theta, ...call.rest];
    call.moved?.forEach((i, k) => writeFlat(theta, i, call.values[k]));
    return [theta, ...call.rest];
  }

  /** Stores the outcome of a real call, with what it wrote into its copy of θ (`theta`, read after the call). */
  settle(call: Call, theta: unknown, outcome: { value?: unknown; error?: unknown; failed: boolean }, reader: FlatReader): void {
    const after = reader.read(theta);
    const base = call.dense ?? this.keys.base;
    for (let i = 0; i < Math.min(after.length, base.length); i++) {
      if (!differs(after[i], base[i])) continue;
      // A moved entry differs from the base by design: it is a write only if it changed again.
      const k = call.moved ? call.moved.indexOf(i) : -1;
      if (k < 0 || differs(after[i], call.values[k])) call.writes.push([i, after[i]]);
    }
    Object.assign(call, outcome, { done: true });
    this.realCalls++;
  }
}
