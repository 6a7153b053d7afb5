import { derivativeCheck } from '../derivative.js';
import { gradientCheck } from '../gradient.js';
import { hessianCheck } from '../hessian.js';
import { jacobianCheck } from '../jacobian.js';
import { jvpCheck } from '../jvp.js';
import type { ReportData } from '../report.js';
import type { CheckKind } from '../settings/kinds.js';
import { resolveSettings } from '../settings/resolve.js';
import { vjpCheck } from '../vjp.js';
import { FlatReader } from './flat.js';
import type { Memo } from './memo.js';
import type { Model } from './placeholder.js';
import { Replay } from './replay.js';
import { runAsync } from './runAsync.js';

/** A synchronous check, as every entry point of `src/check` has it. */
type Check = (f: unknown, spec: unknown, options: unknown, caller: string) => ReportData;

/** A derivative read flat (row-major), recomputed only when the value it comes from changes. */
function flatten(get: () => unknown): () => Float64Array | undefined {
  let source: unknown;
  let flat: Float64Array | undefined;
  return () => {
    const value = get();
    if (value !== source) {
      source = value;
      flat = value === undefined ? undefined : new FlatReader().read(value).slice();
    }
    return flat;
  };
}

/** The analytic side's value at θ: a function's recorded result, or the value the user gave. */
function analyticAt(memo: Memo | undefined, given: unknown): () => unknown {
  return memo ? () => memo.atTheta() : () => given;
}

/**
 * Resolves the options once (for θ and `concurrency`), wraps the user functions and replays
 * the synchronous check until it has seen only real values. Bad options fail as they do in the
 * synchronous check, with its message.
 */
async function replayed(
  kind: CheckKind,
  check: Check,
  args: { f: unknown; spec: unknown; options: unknown; caller: string },
  wrap: (replay: Replay, theta: unknown) => { f: unknown; spec: unknown; options: unknown },
): Promise<ReportData> {
  let settings: ReturnType<typeof resolveSettings>;
  try {
    settings = resolveSettings(args.options, kind, args.caller);
  } catch (error) {
    check(args.f, args.spec, args.options, args.caller); // its own first error, when it checks something first
    throw error;
  }
  const theta = settings.layout.workingCopy().root();
  const replay = new Replay(settings.layout);
  const w = wrap(replay, theta);
  return runAsync(() => check(w.f, w.spec, w.options, args.caller), replay, settings.concurrency);
}

/**
 * The async gradient (or derivative) check: f's placeholders are f(θ) + ⟨g, δ⟩ with g the
 * analytic gradient as far as known, so a collecting run sees every entry agree.
 *
 * @example
 * const report = await gradientCheckAsync(asyncLoss, grad, { at, concurrency: 4 }, 'checkGradientAsync');
 * @internal
 */
export function gradientCheckAsync(f: unknown, grad: unknown, options: unknown, caller: string, subject = 'gradient') {
  const derivative = subject === 'derivative';
  const check: Check = derivative ? derivativeCheck : gradientCheck;
  return replayed(derivative ? 'derivative' : 'gradient', check, { f, spec: grad, options, caller }, (replay, theta) => {
    const g = replay.memo('grad', grad, () => ({ shape: () => theta }));
    const slope = flatten(analyticAt(g, grad));
    const fm = replay.memo('f', f, (m): Model => ({ shape: () => 0, anchor: () => m.anchor(), slope }));
    replay.counted = fm;
    return { f: fm?.wrapped ?? f, spec: g?.wrapped ?? grad, options };
  });
}

/**
 * The async Jacobian check: f's placeholders are f(θ) + J·δ with J the analytic Jacobian.
 *
 * @example
 * const report = await jacobianCheckAsync(layer, jac, { at }, 'checkJacobianAsync');
 * @internal
 */
export function jacobianCheckAsync(f: unknown, jac: unknown, options: unknown, caller: string) {
  return replayed('jacobian', jacobianCheck, { f, spec: jac, options, caller }, (replay) => {
    const j = replay.memo('jac', jac);
    const slope = flatten(analyticAt(j, jac));
    const fm = replay.memo('f', f, (m): Model => ({ shape: () => m.first, anchor: () => m.anchor(), slope }));
    replay.counted = fm;
    return { f: fm?.wrapped ?? f, spec: j?.wrapped ?? jac, options };
  });
}

/**
 * The async VJP check: while both sides are unknown their placeholders are zero (and agree).
 *
 * @example
 * const report = await vjpCheckAsync(forward, backward, { at }, 'checkVjpAsync');
 * @internal
 */
export function vjpCheckAsync(f: unknown, vjp: unknown, options: unknown, caller: string) {
  return replayed('vjp', vjpCheck, { f, spec: vjp, options, caller }, (replay, theta) => {
    const fm = replay.memo('f', f, (m): Model => ({ shape: () => m.first, anchor: () => m.anchor() }));
    const b = replay.memo('vjp', vjp, () => ({ shape: () => theta }));
    replay.counted = fm;
    return { f: fm?.wrapped ?? f, spec: b?.wrapped ?? vjp, options };
  });
}

/**
 * The async JVP check: jvp's placeholders are shaped like f's output.
 *
 * @example
 * const report = await jvpCheckAsync(forward, tangent, { at, tangents: 2 }, 'checkJvpAsync');
 * @internal
 */
export function jvpCheckAsync(f: unknown, jvp: unknown, options: unknown, caller: string) {
  return replayed('jvp', jvpCheck, { f, spec: jvp, options, caller }, (replay) => {
    const fm = replay.memo('f', f, (m): Model => ({ shape: () => m.first, anchor: () => m.anchor() }));
    const t = replay.memo('jvp', jvp, () => ({ shape: () => fm?.first }));
    replay.counted = fm;
    return { f: fm?.wrapped ?? f, spec: t?.wrapped ?? jvp, options };
  });
}

/**
 * The async Hessian check: f's placeholders are f(θ) + ½ δᵀHδ, options.gradient's are
 * ∇f(θ) + H·δ, with H the analytic Hessian as far as known.
 *
 * @example
 * const report = await hessianCheckAsync(loss, H, { at, gradient }, 'checkHessianAsync');
 * @internal
 */
export function hessianCheckAsync(f: unknown, H: unknown, options: unknown, caller: string) {
  return replayed('hessian', hessianCheck, { f, spec: H, options, caller }, (replay, theta) => {
    const n = replay.keys.base.length;
    const zeros = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const h = replay.memo('H', H, () => ({ shape: () => zeros }));
    const curvature = flatten(analyticAt(h, H));
    const fm = replay.memo('f', f, (m): Model => ({ shape: () => 0, anchor: () => m.anchor(), curvature }));
    const given = (options as { gradient?: unknown } | null)?.gradient;
    const gm = replay.memo('options.gradient', given, (m) => ({
      shape: () => theta,
      anchor: () => m.anchor(),
      slope: curvature,
    }));
    replay.counted = gm ?? fm;
    return {
      f: fm?.wrapped ?? f,
      spec: h?.wrapped ?? H,
      options: gm ? { ...(options as object), gradient: gm.wrapped } : options,
    };
  });
}
