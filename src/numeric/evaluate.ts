import { adapterFor } from './adapters/registry.js';
import { adaptedScalar, refuseReleasing, releaseTree } from './adapters/release.js';
import { GradcheckError, NonFiniteError, formatNumber } from './errors.js';
import type { EvaluationHooks, SiteSpec, Target } from './measure/protocol.js';

export type { EvaluationSite } from './measure/protocol.js';

/** `at θ`, or `with W[0][1] moved by +0.0001`. */
export function siteText(spec: SiteSpec): string {
  const site = typeof spec === 'function' ? spec() : spec;
  if (site.path === undefined) return 'at θ';
  const sign = (site.delta ?? 0) >= 0 ? '+' : '−';
  return `with ${site.path} moved by ${sign}${formatNumber(Math.abs(site.delta ?? 0))}`;
}

function describeResult(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const adapter = adapterFor(value);
  if (adapter) return `a ${adapter.shape(value).join('×') || 'scalar'} ${adapter.name}`;
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
export class ScalarEvaluator<P> implements Target<number> {
  /** Calls of f so far. */
  count = 0;

  constructor(
    /** The user's f. */
    readonly fn: (theta: P) => unknown,
    /** Prefix of error messages: the public function that was called (`toHaveGradient`). */
    private readonly caller: string,
    /** What to call f in messages. */
    private readonly name = 'f',
    /** The evaluation stage around each call (float32 watch, progress, time). */
    readonly hooks?: EvaluationHooks,
  ) {}

  /**
   * Counts one value of f and insists on a finite number, naming the site when it is not. A
   * one-entry tensor of a registered adapter (jax-js's `np.sum(x)`) is its number, read and freed.
   */
  accept(value: unknown, site: SiteSpec): number {
    this.count++;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'object') return this.acceptObject(value, site);
    return this.refuse(value, site);
  }

  /** An object f returned: a one-entry tensor's number, or the refusal (the object freed). */
  private acceptObject(value: object | null, site: SiteSpec): number {
    const number = adaptedScalar(value);
    if (number === undefined) {
      try {
        return this.refuse(value, site);
      } finally {
        releaseTree(value);
      }
    }
    if (Number.isFinite(number)) return number;
    throw new NonFiniteError(this.caller, this.name, number, undefined, siteText(site));
  }

  private refuse(value: unknown, site: SiteSpec): never {
    refuseReleasing(value, this.caller, this.name);
    if (typeof value === 'number') throw new NonFiniteError(this.caller, this.name, value, undefined, siteText(site));
    throw new GradcheckError(
      `${this.caller}: ${this.name} must return a number, but returned ${describeResult(value)} ${siteText(site)}`,
    );
  }

  /** f at θ as given, outside any driver. */
  call(theta: P, site: SiteSpec): number {
    const value = this.fn(theta);
    this.hooks?.after(value);
    return this.accept(value, site);
  }
}
