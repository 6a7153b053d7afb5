import { refuseReleasing, releaseTree } from './adapters/release.js';
import { GradcheckError, NonFiniteError } from './errors.js';
import { siteText } from './evaluate.js';
import type { EvaluationHooks, SiteSpec, Target } from './measure/protocol.js';
import { type Params, TreeError, TreeLayout, displayOutputPath } from './tree.js';

/** Where a vector-valued f was evaluated, for error messages. */
export interface VectorSite {
  /** Path of the moved entry or a description of the move (`θ along tangent 2`); undefined for θ itself. */
  readonly path?: string;
  /** Signed displacement actually taken. */
  readonly delta?: number;
}

/**
 * Name of output entry `i` in messages: `out` for a number, `out[2]`, `out[1][0]` for arrays,
 * `out.logits[3]` for trees.
 *
 * @example
 * outputName(TreeLayout.of([[1, 2], [3, 4]]), 2); // 'out[1][0]'
 */
export function outputName(layout: TreeLayout | undefined, i: number): string {
  if (layout === undefined) return `out[${i}]`;
  return displayOutputPath(layout.pathAt(i));
}

/**
 * Name of input entry path in a partial derivative: `θ` (bare number), `θ[3]`, `W[1][0]`.
 *
 * @example
 * inputName('[3]'); // 'θ[3]'   inputName('W[1][0]'); // 'W[1][0]'
 */
export function inputName(path: string): string {
  if (path === '' || path === 'θ') return 'θ';
  return path.startsWith('[') ? `θ${path}` : path;
}

/**
 * `∂out[i]/∂θ[j]`, `∂out[0]/∂W[1][0]`: the name of a Jacobian entry.
 *
 * @example
 * partialName('out[0]', 'W[1][2]'); // '∂out[0]/∂W[1][2]'
 */
export function partialName(output: string, inputPath: string): string {
  return `∂${output}/∂${inputName(inputPath)}`;
}

function describeResult(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return typeof value;
}

/**
 * Calls a function whose result is a number, an array, a typed array or a tree of them, counts
 * the calls, flattens the result and insists that every call returns the same structure with
 * finite entries, naming the output entry and the displacement when it does not.
 *
 * @example
 * const ev = new VectorEvaluator((t: number[]) => [t[0] * t[1], t[0]], 'checkJacobian');
 * ev.call([2, 3], {}); // Float64Array [6, 2]; ev.count === 1, ev.layout.size === 2
 * @internal
 */
export class VectorEvaluator<P = unknown> implements Target<Float64Array> {
  /** Calls so far. */
  count = 0;
  /** Structure of the output, from the first call. */
  layout: TreeLayout | undefined;

  constructor(
    /** The user's f. */
    readonly fn: (theta: P) => unknown,
    /** Prefix of error messages: the public function that was called. */
    private readonly caller: string,
    /** What to call f in messages. */
    private readonly name = 'f',
    /** The evaluation stage around each call (float32 watch, progress, time). */
    readonly hooks?: EvaluationHooks,
  ) {}

  /** Number of outputs (known after the first call). */
  get size(): number {
    return this.layout?.size ?? 0;
  }

  /** f at θ as given, outside any driver. */
  call(theta: P, site: SiteSpec): Float64Array {
    const value = this.fn(theta);
    this.hooks?.after(value);
    return this.accept(value, site);
  }

  /**
   * Counts one value of f, flattens it and insists on one structure of finite entries, naming
   * the site when not. Tensor outputs of a registered adapter are read, then freed.
   */
  accept(value: unknown, site: SiteSpec): Float64Array {
    this.count++;
    refuseReleasing(value, this.caller, this.name);
    if (typeof value !== 'number' && (value === null || typeof value !== 'object')) {
      throw new GradcheckError(
        `${this.caller}: ${this.name} must return a number, an array, a typed array or a tree of them, but returned ${describeResult(value)} ${siteText(site)}`,
      );
    }
    let layout: TreeLayout;
    try {
      layout = TreeLayout.of(value as Params);
    } catch (error) {
      releaseTree(value);
      if (error instanceof TreeError) {
        const where = error.path === '' ? 'out' : error.path.startsWith('[') ? `out${error.path}` : `out.${error.path}`;
        const rest = error.message.slice(error.message.indexOf(' ') + 1);
        throw new GradcheckError(
          `${this.caller}: ${this.name} returned a non-numeric output ${siteText(site)}: ${where} ${rest}`,
        );
      }
      throw error;
    }
    // Read: a tensor output (a jax-js Array) is freed by its adapter.
    if (typeof value === 'object') releaseTree(value);
    if (this.layout === undefined) {
      if (layout.size === 0)
        throw new GradcheckError(
          `${this.caller}: ${this.name} returned an empty output ${siteText(site)}; there is nothing to differentiate`,
        );
      this.layout = layout;
    } else if (layout.size !== this.layout.size) {
      throw new GradcheckError(
        `${this.caller}: ${this.name} returned ${layout.size} outputs ${siteText(site)}, but ${this.layout.size} before; its output must keep one shape`,
      );
    }
    const values = layout.values;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i]))
        throw new NonFiniteError(this.caller, this.name, values[i], outputName(this.layout, i), siteText(site));
    }
    return values;
  }
}
