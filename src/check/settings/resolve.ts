import { baseStep, resolvePrecision } from '../../numeric/differences.js';
import { type MethodSpec, resolveMethod } from '../../numeric/methods/resolve.js';
import { resolveBounds } from '../../numeric/domains.js';
import { GradcheckError } from '../../numeric/errors.js';
import { DEFAULT_SEED } from '../../numeric/random.js';
import { TreeLayout } from '../../numeric/tree.js';
import { readTheta, requireOptions } from '../../numeric/validate.js';
import { type CheckKind, LAYER_CHECKS } from './kinds.js';
import { validateOptions } from './schema.js';
import type { CheckSettings, Settings } from './types.js';

/** Default tolerances by precision (see NUMERICS.md and the README's tolerance section). */
export const DEFAULT_TOLERANCES = {
  float64: { rtol: 1e-5, atol: 1e-10 },
  float32: { rtol: 1e-3, atol: 1e-6 },
} as const;

/** `allClose`'s defaults are NumPy's: it compares two results, not a derivative with its estimate. */
export const ALL_CLOSE_DEFAULTS = { rtol: 1e-5, atol: 1e-8 } as const;

/** Random directions of fast mode when `directions` is not given. */
export const DEFAULT_DIRECTIONS = 10;

/** Random directions of the Taylor test (`checkConvergence`) when `directions` is not given. */
export const CONVERGENCE_DIRECTIONS = 3;

/**
 * Options → Settings, once: validates the raw options of a check against the schema, reads θ,
 * and resolves every default. Every later stage reads only the result.
 *
 * @example
 * const s = resolveSettings({ at: [1, 2], rtol: 1e-6 }, 'gradient', 'checkGradient');
 * s.rtol;   // 1e-6
 * s.method.name; // the central method's name when none was asked for
 */
export function resolveSettings(options: unknown, check: CheckKind, caller: string): Settings {
  const startedAt = performance.now();
  const raw = check === 'allClose' ? optionalOptions(options, caller) : requireOptions(options, caller, '{ at: θ }');
  validateOptions(raw, check, caller);
  const layout = check === 'allClose' ? TreeLayout.of([]) : readTheta(raw.at, caller, 'options.at');
  const precision = check === 'allClose' ? 'float64' : resolvePrecision(raw, layout);
  const tolerances = check === 'allClose' ? ALL_CLOSE_DEFAULTS : DEFAULT_TOLERANCES[precision];
  const mode = (raw.mode as 'full' | 'fast' | undefined) ?? 'full';
  return {
    caller,
    check,
    layout,
    method: resolveMethod(raw.method as MethodSpec | undefined),
    step: check === 'allClose' || check === 'convergence' ? 0 : baseStep(raw, precision),
    stepGiven: raw.step !== undefined,
    precision,
    rtol: (raw.rtol as number | undefined) ?? tolerances.rtol,
    atol: (raw.atol as number | undefined) ?? tolerances.atol,
    maxRelativeDifference: raw.maxRelativeDifference as number | undefined,
    mode,
    seed: (raw.seed as number | undefined) ?? DEFAULT_SEED,
    domain: raw.bounds === undefined ? undefined : resolveBounds(raw.bounds as never, layout, caller),
    adaptive: raw.adaptive === true,
    directions: directionCount(raw.directions, check),
    sample: raw.sample as number | undefined,
    kinks: (raw.kinks as Settings['kinks'] | undefined) ?? 'report',
    unresolved: (raw.unresolved as Settings['unresolved'] | undefined) ?? 'report',
    probes: check === 'vjp' ? raw.cotangents : check === 'jvp' ? raw.tangents : undefined,
    gradient: raw.gradient as Settings['gradient'],
    equalNaN: raw.equalNaN === true,
    pictures: (raw.pictures as Settings['pictures'] | undefined) ?? 'on-failure',
    concurrency: (raw.concurrency as number | undefined) ?? 1,
    progress: (raw.progress as Settings['progress'] | undefined) ?? 'auto',
    timeLimit: raw.timeLimit as number | undefined,
    shard: raw.shard as Settings['shard'],
    sparsity: (raw.sparsity as Settings['sparsity'] | undefined) ?? false,
    startedAt,
  };
}

function directionCount(value: unknown, check: CheckKind): number {
  const fallback = check === 'convergence' ? CONVERGENCE_DIRECTIONS : DEFAULT_DIRECTIONS;
  return Math.max(1, Math.floor((value as number | undefined) ?? fallback));
}

/** `allClose` takes its options as an optional third argument. */
function optionalOptions(options: unknown, caller: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new GradcheckError(`${caller}: options must be an object like { rtol, atol }`);
  return options as Record<string, unknown>;
}

/**
 * The public part of the settings, as reports carry it.
 *
 * @example
 * publicSettings(settings); // { method: …, order: 2, step: 1e-4, precision: 'float64', rtol: 1e-5, atol: 1e-10, mode: 'full', seed: 0 }
 */
export function publicSettings(s: Settings): CheckSettings {
  const { method, step, precision, rtol, atol, maxRelativeDifference, mode, seed } = s;
  return { method: method.name, order: method.order, step, precision, rtol, atol, maxRelativeDifference, mode, seed };
}

/** Whether a check is a layer check (every entry compared; no sampling, no fast mode). */
export function isLayerCheck(check: CheckKind): boolean {
  return LAYER_CHECKS.includes(check);
}
