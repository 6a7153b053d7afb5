import { GradcheckError, NonFiniteError, formatNumber, refuseThenable } from './errors.js';

/** Where f was evaluated, for error messages: at θ itself, or with one entry moved. */
export interface EvaluationSite {
  /** Path of the moved entry, or undefined for θ itself. */
  readonly path?: string;
  /** Signed displacement of that entry (the step actually taken). */
  readonly delta?: number;
}

/** `at θ`, or `with W[0][1] moved by +0.0001`. */
export function siteText(site: EvaluationSite): string {
  if (site.path === undefined) return 'at θ';
  const sign = (site.delta ?? 0) >= 0 ? '+' : '−';
  return `with ${site.path} moved by ${sign}${formatNumber(Math.abs(site.delta ?? 0))}`;
}

function describeResult(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Calls a scalar function f, counts the calls and insists on a finite number, naming the
 * coordinate and direction when f returns anything else.
 * @internal
 */
export class ScalarEvaluator<P> {
  /** Calls of f so far. */
  count = 0;

  constructor(
    private readonly f: (theta: P) => unknown,
    /** Prefix of error messages: the public function that was called (`toHaveGradient`). */
    private readonly caller: string,
    /** What to call f in messages. */
    private readonly name = 'f',
  ) {}

  call(theta: P, site: EvaluationSite): number {
    this.count++;
    const value = this.f(theta);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    refuseThenable(value, this.caller, this.name);
    if (typeof value === 'number') throw new NonFiniteError(this.caller, this.name, value, undefined, siteText(site));
    throw new GradcheckError(
      `${this.caller}: ${this.name} must return a number, but returned ${describeResult(value)} ${siteText(site)}`,
    );
  }
}
