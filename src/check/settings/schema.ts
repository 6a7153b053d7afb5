import { GradcheckError } from '../../numeric/errors.js';
import { requireOneOf, requirePositive, validateDiffOptions } from '../../numeric/validate.js';
import { type CheckKind, DIFFERENTIATING, GRADIENT_CHECKS, LAYER_CHECKS } from './kinds.js';

/**
 * One option of the schema: which checks take it, how its value is validated (one sentence
 * naming `options.<name>`), and, for a check that does not take it, why (instead of the plain
 * "unknown option").
 * @internal
 */
export interface OptionSpec {
  readonly name: string;
  readonly checks: readonly CheckKind[];
  readonly validate?: (value: unknown, caller: string, options: Readonly<Record<string, unknown>>) => void;
  /** A reason to refuse the value for this check although the name is known to it. */
  readonly refuse?: (value: unknown, check: CheckKind, options: Readonly<Record<string, unknown>>) => string | undefined;
}

const TOLERANCE_CHECKS: readonly CheckKind[] = [...DIFFERENTIATING, 'allClose'];
const STEPPED: readonly CheckKind[] = [...DIFFERENTIATING];
const SEEDED: readonly CheckKind[] = [...DIFFERENTIATING, 'convergence'];

function nonNegative(value: unknown, caller: string, name: string): void {
  if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new GradcheckError(`${caller}: options.${name} must be a finite number ≥ 0, but got ${String(value)}`);
  }
}

function boolean(value: unknown, caller: string, name: string): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new GradcheckError(`${caller}: options.${name} must be true or false, but got ${String(value)}`);
  }
}

/** The layer checks compare every entry; sampling and random directions belong to gradient checks. */
function gradientOnly(what: string): string {
  return `${what} applies to gradient checks (toHaveGradient / checkGradient); a layer check compares every entry (use checkJvp for a cost independent of θ's size)`;
}

/** Bounds and adaptive steps are honoured by the full gradient check and the Taylor test only. */
function notForLayers(name: string): string {
  return `options.${name} is supported by checkGradient, checkDerivative (mode: 'full') and checkConvergence only; a layer check evaluates f on both sides of θ. Drop options.${name}, or check the gradient of a scalar loss of the layer`;
}

/** Every option of every check, in the order the "known options" message lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  { name: 'at', checks: [...DIFFERENTIATING, 'convergence'] },
  // step, method, precision and adaptive are validated by numeric's validateDiffOptions, which
  // numericGradient and numericJacobian share.
  { name: 'step', checks: STEPPED },
  { name: 'method', checks: STEPPED },
  {
    name: 'precision',
    checks: [...STEPPED, 'convergence'],
    validate: (v, c) => requireOneOf(v, ['float64', 'float32'], c, 'options.precision'),
  },
  {
    name: 'bounds',
    checks: [...GRADIENT_CHECKS, 'convergence', ...LAYER_CHECKS],
    refuse: (v, check, o) =>
      v === undefined
        ? undefined
        : LAYER_CHECKS.includes(check)
          ? notForLayers('bounds')
          : o.mode === 'fast'
            ? "options.bounds is not supported with mode: 'fast' (its random directions move every entry); use mode: 'full' or checkConvergence"
            : undefined,
  },
  {
    name: 'adaptive',
    checks: [...GRADIENT_CHECKS, ...LAYER_CHECKS],
    refuse: (v, check) => (v !== undefined && LAYER_CHECKS.includes(check) ? notForLayers('adaptive') : undefined),
  },
  { name: 'rtol', checks: TOLERANCE_CHECKS, validate: (v, c) => nonNegative(v, c, 'rtol') },
  { name: 'atol', checks: TOLERANCE_CHECKS, validate: (v, c) => nonNegative(v, c, 'atol') },
  {
    name: 'maxRelativeDifference',
    checks: DIFFERENTIATING,
    validate: (v, c) => requirePositive(v, c, 'options.maxRelativeDifference'),
  },
  {
    name: 'mode',
    checks: DIFFERENTIATING,
    validate: (v, c) => requireOneOf(v, ['full', 'fast'], c, 'options.mode'),
    refuse: (v, check) => (v === 'fast' && LAYER_CHECKS.includes(check) ? gradientOnly("options.mode 'fast'") : undefined),
  },
  {
    name: 'directions',
    checks: [...DIFFERENTIATING, 'convergence'],
    validate: (v, c) => requirePositive(v, c, 'options.directions'),
  },
  {
    name: 'sample',
    checks: DIFFERENTIATING,
    validate: (v, c) => requirePositive(v, c, 'options.sample'),
    refuse: (v, check) => (v !== undefined && LAYER_CHECKS.includes(check) ? gradientOnly('options.sample') : undefined),
  },
  {
    name: 'seed',
    checks: SEEDED,
    validate: (v, c) => {
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v)))
        throw new GradcheckError(`${c}: options.seed must be a finite number, but got ${String(v)}`);
    },
  },
  { name: 'kinks', checks: DIFFERENTIATING, validate: (v, c) => requireOneOf(v, ['report', 'fail'], c, 'options.kinks') },
  {
    name: 'unresolved',
    checks: DIFFERENTIATING,
    validate: (v, c) => requireOneOf(v, ['report', 'fail'], c, 'options.unresolved'),
  },
  { name: 'cotangents', checks: ['vjp'] },
  { name: 'tangents', checks: ['jvp'] },
  {
    name: 'gradient',
    checks: ['hessian'],
    validate: (v, c) => {
      if (v !== undefined && typeof v !== 'function')
        throw new GradcheckError(
          `${c}: options.gradient must be a function (θ) → gradient, but got ${v === null ? 'null' : typeof v}`,
        );
    },
  },
  { name: 'equalNaN', checks: ['allClose'], validate: (v, c) => boolean(v, c, 'equalNaN') },
  {
    name: 'concurrency',
    checks: DIFFERENTIATING,
    validate: (v, c) => {
      if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 1))
        throw new GradcheckError(`${c}: options.concurrency must be a whole number ≥ 1, but got ${String(v)}`);
    },
  },
  {
    name: 'progress',
    checks: DIFFERENTIATING,
    validate: (v, c) => {
      if (v !== undefined && v !== false && v !== 'auto' && typeof v !== 'function')
        throw new GradcheckError(
          `${c}: options.progress must be 'auto', false or a function ({ done, total, elapsedMs, etaMs }) => void, but got ${String(v)}`,
        );
    },
  },
  { name: 'timeLimit', checks: DIFFERENTIATING, validate: (v, c) => requirePositive(v, c, 'options.timeLimit') },
  {
    name: 'shard',
    checks: GRADIENT_CHECKS,
    validate: (v, c) => validateShard(v, c),
    refuse: (v, _check, o) =>
      v !== undefined && o.mode === 'fast'
        ? "options.shard splits the coordinates of a full check; drop mode: 'fast' or shard"
        : undefined,
  },
  { name: 'sparsity', checks: ['jacobian', 'hessian'], validate: (v, c) => validateSparsity(v, c) },
  {
    name: 'pictures',
    checks: TOLERANCE_CHECKS,
    validate: (v, c) => {
      if (v !== undefined && v !== false && v !== 'on-failure' && v !== 'always')
        throw new GradcheckError(`${c}: options.pictures must be 'on-failure', 'always' or false, but got ${JSON.stringify(v)}`);
    },
  },
];

/** `shard: { index, count }` with 1 ≤ index ≤ count, as in `vitest --shard=index/count`. */
function validateShard(v: unknown, c: string): void {
  if (v === undefined) return;
  const s = v as { index?: unknown; count?: unknown };
  const ok =
    v !== null &&
    typeof v === 'object' &&
    Number.isInteger(s.count) &&
    (s.count as number) >= 1 &&
    Number.isInteger(s.index) &&
    (s.index as number) >= 1 &&
    (s.index as number) <= (s.count as number);
  if (!ok)
    throw new GradcheckError(
      `${c}: options.shard must be { index, count } with whole numbers 1 ≤ index ≤ count (as in vitest --shard=1/4), but got ${JSON.stringify(v)}`,
    );
}

/** `sparsity`: 'auto', false or a boolean matrix (its shape is checked against the matrix's). */
function validateSparsity(v: unknown, c: string): void {
  if (v === undefined || v === false || v === 'auto' || Array.isArray(v)) return;
  throw new GradcheckError(
    `${c}: options.sparsity must be 'auto', false or a boolean matrix (rows = outputs, columns = inputs), but got ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`,
  );
}

/** The option names a check knows, in schema order. */
export function knownOptions(check: CheckKind): string[] {
  return OPTIONS.filter((o) => o.checks.includes(check)).map((o) => o.name);
}

/**
 * Validates a raw options object against the schema for one check: unknown names (with a
 * "did you mean { at: θ }?" when θ itself was passed as the options), refused values and bad
 * values each throw a one-sentence `GradcheckError`.
 *
 * @example
 * validateOptions({ at: [1], rtoll: 1 }, 'gradient', 'checkGradient'); // throws: checkGradient: unknown option "rtoll"; known options are at, step, …
 */
export function validateOptions(options: Readonly<Record<string, unknown>>, check: CheckKind, caller: string): void {
  const known = knownOptions(check);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new GradcheckError(unknownOption(key, known, options, caller));
  }
  for (const spec of OPTIONS) {
    if (!spec.checks.includes(check)) continue;
    const value = options[spec.name];
    const refusal = spec.refuse?.(value, check, options);
    if (refusal) throw new GradcheckError(`${caller}: ${refusal}`);
    spec.validate?.(value, caller, options);
  }
  if (STEPPED.includes(check)) validateDiffOptions(options as Record<string, unknown>, caller);
}

function unknownOption(
  key: string,
  known: readonly string[],
  options: Readonly<Record<string, unknown>>,
  caller: string,
): string {
  const text = `${caller}: unknown option ${JSON.stringify(key)}; known options are ${known.join(', ')}`;
  // θ given in place of the options ({ W1, b1 } instead of { at: { W1, b1 } }) is a common slip.
  const looksLikeTheta = known.includes('at') && !('at' in options);
  return looksLikeTheta ? `${text}; did you mean { at: θ }? (the point θ goes in options.at)` : text;
}
