import { GradcheckError } from '../../numeric/errors.js';

/**
 * The structure of a parameter tree, without values: `10` is a vector of 10 entries, `[5, 3]`
 * a 5×3 matrix (`[]` a bare number, `[2, 3, 4]` deeper), and a plain object maps names to
 * shapes: `{ W1: [5, 3], b1: 5 }`.
 */
export type ShapeSpec = number | readonly number[] | { readonly [key: string]: ShapeSpec };

/** Array of `Depth` nested levels around `Leaf`. @internal */
type Nested<Dims extends readonly number[], Leaf> = Dims extends readonly [number, ...infer Rest extends readonly number[]]
  ? Nested<Rest, Leaf>[]
  : Leaf;

/** Any nesting depth of number arrays, for a shape whose length is not known statically. */
export type NestedNumbers = number[] | NestedNumbers[];

/** Any nesting depth of arrays ending in `Float32Array` rows. */
export type NestedFloat32 = Float32Array | NestedFloat32[];

/**
 * The θ type a shape generates in float64: `10` → `number[]`, `[5, 3]` → `number[][]`,
 * `[]` → `number`, `{ W: [2, 3], b: 2 }` → `{ W: number[][]; b: number[] }`.
 */
export type ThetaOf<S> = S extends number
  ? number[]
  : S extends readonly []
    ? number
    : S extends readonly [number, ...infer Rest extends readonly number[]]
      ? Nested<Rest, number>[]
      : S extends readonly number[]
        ? number | NestedNumbers
        : { -readonly [K in keyof S]: ThetaOf<S[K]> };

/**
 * The θ type a shape generates with `precision: 'float32'`: the last dimension of every tensor
 * is a `Float32Array` row, outer dimensions are plain arrays of rows (so paths stay `W[2][0]`):
 * `10` → `Float32Array`, `[5, 3]` → `Float32Array[]`, `[]` → `number` (a float32 value).
 */
export type Theta32Of<S> = S extends number
  ? Float32Array
  : S extends readonly []
    ? number
    : S extends readonly [number, ...infer Rest extends readonly number[]]
      ? Rest extends readonly []
        ? Float32Array
        : Nested<Rest extends readonly [number, ...infer Outer extends readonly number[]] ? Outer : never, Float32Array>[]
      : S extends readonly number[]
        ? number | NestedFloat32
        : { -readonly [K in keyof S]: Theta32Of<S[K]> };

/** One tensor of a parsed shape. @internal */
export interface LeafShape {
  /** `[]` for a bare number, `[n]` for a vector, `[rows, cols]` for a matrix, … */
  readonly dims: readonly number[];
  readonly size: number;
}

/** A parsed shape: tensors in flat order (object keys in insertion order, row-major). @internal */
export type ShapeNode =
  | { readonly kind: 'leaf'; readonly leaf: LeafShape }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, ShapeNode])[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function dimension(value: unknown, caller: string, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new GradcheckError(
      `${caller}: ${where} must be a positive integer (a number of entries), but got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return value;
}

/**
 * Reads a shape spec, throwing a `GradcheckError` that names the path of anything that is not
 * a positive integer, an array of them or a plain object of shapes.
 * @internal
 */
export function parseShape(spec: unknown, caller: string, path = 'shape'): ShapeNode {
  if (typeof spec === 'number') {
    const n = dimension(spec, caller, path);
    return { kind: 'leaf', leaf: { dims: [n], size: n } };
  }
  if (Array.isArray(spec)) {
    const dims = spec.map((d, i) => dimension(d, caller, `${path}[${i}]`));
    return { kind: 'leaf', leaf: { dims, size: dims.reduce((a, b) => a * b, 1) } };
  }
  if (isPlainObject(spec)) {
    const keys = Object.keys(spec);
    if (keys.length === 0)
      throw new GradcheckError(`${caller}: ${path} is an empty object; give at least one tensor, e.g. { w: 3 }`);
    return { kind: 'object', entries: keys.map((key) => [key, parseShape(spec[key], caller, `${path}.${key}`)] as const) };
  }
  throw new GradcheckError(
    `${caller}: ${path} must be a number (vector length), an array of dimensions such as [5, 3], or an object of shapes, but got ${
      spec === null ? 'null' : typeof spec
    }`,
  );
}

/** Total number of entries of a parsed shape. @internal */
export function shapeSize(node: ShapeNode): number {
  if (node.kind === 'leaf') return node.leaf.size;
  let size = 0;
  for (const [, child] of node.entries) size += shapeSize(child);
  return size;
}
