import { checkJvp } from '../api/checkJvp.js';
import { checkVjp } from '../api/checkVjp.js';
import type { CheckOptions } from '../check/options.js';
import type { GradientReport } from '../check/report.js';
import { GradcheckError } from '../numeric/errors.js';
import { requireFunction, requireOptions } from '../numeric/validate.js';
import { isJaxArray } from './_internals/arrays.js';
import { gradsArgs } from './_internals/grads/args.js';
import { cotangentOf, derivatives, tangentOf } from './_internals/grads/derivatives.js';
import { gradsMessage } from './_internals/grads/message.js';
import type { GradsCheck, GradsMode, GradsReport } from './_internals/grads/types.js';
import { jaxModule } from './_internals/module.js';
import type { JaxArray, JaxFunction, JaxModule } from './types.js';

/** Options of `checkGrads`: the order and modes, and the options of `checkJvp` / `checkVjp`. */
export interface GradsOptions extends Omit<CheckOptions, 'at' | 'mode'> {
  /**
   * Up to which derivative: 1 checks jax-js's JVP and VJP of f, 2 also the JVP of its JVP along
   * a seeded tangent and the VJP of its VJP along a seeded cotangent (second derivatives).
   * @defaultValue 1
   */
  order?: 1 | 2;
  /**
   * Which of jax-js's derivatives to check: `'fwd'` (`jvp`), `'rev'` (`vjp`).
   * @defaultValue ['fwd', 'rev']
   */
  modes?: readonly GradsMode[];
  /** Random tangents per JVP check (2 calls of f each). @defaultValue 3 */
  tangents?: number;
  /** Random cotangents per VJP check (no extra calls of f). @defaultValue 3 */
  cotangents?: number;
}

export type { GradsCheck, GradsMode, GradsReport } from './_internals/grads/types.js';

const MODES: readonly GradsMode[] = ['fwd', 'rev'];

/**
 * JAX's `check_grads` for jax-js: checks the derivatives jax-js computes for `f` — its `jvp`
 * (mode `'fwd'`) and `vjp` (mode `'rev'`), up to `order` 1 or 2 — against finite differences
 * of f at `args`, with gradcheck's `checkJvp` and `checkVjp`. f takes `args` as its arguments
 * (jax-js Arrays, or trees of them; plain numbers and arrays become float32 Arrays, as
 * `np.array` makes them) and returns an Array or a tree of them. float32 arguments make the
 * checks float32. The caller's arrays are read, not consumed; every array the check makes is
 * freed.
 *
 * @example
 * import { numpy as np } from '@jax-js/jax';
 * import { checkGrads } from 'gradcheck/jaxjs';
 * const f = (x: np.Array, w: np.Array) => np.sum(np.tanh(np.matmul(x, w)));
 * const report = checkGrads(f, [np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([[1], [-1]])], { order: 2 });
 * report.pass; // true
 * report.checks.map((c) => c.name); // ['JVP', 'JVP of JVP', 'VJP', 'VJP of VJP']
 */
export function checkGrads(f: JaxFunction, args: readonly unknown[] | JaxArray, options: GradsOptions = {}): GradsReport {
  const caller = 'checkGrads';
  const jax = jaxModule(caller);
  requireFunction(f, caller, 'f (a function of jax-js arrays)');
  const {
    order = 1,
    modes = MODES,
    tangents,
    cotangents,
    ...rest
  } = requireOptions(options, caller, "{ order: 2, modes: ['fwd', 'rev'] }") as GradsOptions;
  requireOrderAndModes(order, modes, caller);
  if ('at' in rest) throw new GradcheckError(`${caller}: options.at is not an option of checkGrads; the point is args`);
  const { args: at, made } = gradsArgs(jax, isJaxArray(args) ? [args] : args, caller);
  try {
    return runChecks(jax, f, at, order, modes, { ...rest, tangents, cotangents });
  } finally {
    for (const a of made) a.dispose();
  }
}

/** The checks asked for, in order (fwd 1, fwd 2, rev 1, rev 2), and their combined report. */
function runChecks(
  jax: JaxModule,
  f: JaxFunction,
  at: unknown[],
  order: 1 | 2,
  modes: readonly GradsMode[],
  options: Omit<GradsOptions, 'order' | 'modes'>,
): GradsReport {
  const caller = 'checkGrads';
  const { tangents, cotangents, ...rest } = options;
  const seed = rest.seed ?? 0;
  const jvpOptions = { ...rest, tangents, at };
  const vjpOptions = { ...rest, cotangents, at };
  const checks: GradsCheck[] = [];
  const add = (mode: GradsMode, order: 1 | 2, name: string, run: () => GradientReport) =>
    checks.push({ mode, order, name, report: named(name, run) });
  if (modes.includes('fwd')) {
    const first = derivatives(jax, f, caller, 'f');
    add('fwd', 1, 'JVP', () => checkJvp(first.f, first.jvp, jvpOptions));
    if (order === 2) {
      const second = derivatives(jax, tangentOf(jax, f, at, seed + 1), caller, 'jvp(f)');
      add('fwd', 2, 'JVP of JVP', () => checkJvp(second.f, second.jvp, jvpOptions));
    }
  }
  if (modes.includes('rev')) {
    const first = derivatives(jax, f, caller, 'f');
    add('rev', 1, 'VJP', () => checkVjp(first.f, first.vjp, vjpOptions));
    if (order === 2) {
      const second = derivatives(jax, cotangentOf(jax, f, at, seed + 2), caller, 'vjp(f)');
      add('rev', 2, 'VJP of VJP', () => checkVjp(second.f, second.vjp, vjpOptions));
    }
  }
  return {
    pass: checks.every((c) => c.report.pass),
    checks,
    evaluations: checks.reduce((sum, c) => sum + c.report.evaluations, 0),
    message: gradsMessage(checks),
  };
}

/**
 * Runs one check; its errors (an option it refuses, an f that returns NaN) name checkGrads and
 * the check, not checkJvp or checkVjp, which the caller never called.
 */
function named(name: string, run: () => GradientReport): GradientReport {
  try {
    return run();
  } catch (error) {
    const message = error instanceof GradcheckError ? error.message : '';
    const match = /^check(Jvp|Vjp): /.exec(message);
    if (!match) throw error;
    const renamed = new GradcheckError(`checkGrads (${name}): ${message.slice(match[0].length)}`);
    Object.defineProperty(renamed, 'cause', { value: error, configurable: true, writable: true });
    throw renamed;
  }
}

function requireOrderAndModes(order: unknown, modes: unknown, caller: string): void {
  if (order !== 1 && order !== 2) throw new GradcheckError(`${caller}: options.order must be 1 or 2, but got ${String(order)}`);
  if (!Array.isArray(modes) || modes.length === 0 || !modes.every((m) => m === 'fwd' || m === 'rev')) {
    throw new GradcheckError(
      `${caller}: options.modes must be a non-empty array of 'fwd' and 'rev', but got ${JSON.stringify(modes)}`,
    );
  }
}
