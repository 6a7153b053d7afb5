import { FlatReader } from './flat.js';

/** Up to this many moved entries, a point's key lists them exactly; beyond, it is a 64-bit hash. */
const SPARSE_LIMIT = 32;

/** Where a user function was called: its key, θ's numbers and which of them moved. */
export interface Point {
  /** Equal for calls with bit-identical arguments, different otherwise. */
  readonly key: string;
  /** θ's numbers in flat order (a view: valid until the next call; copy to keep). */
  readonly flat: Float64Array;
  /** The entries that differ from the base θ, when there are at most `SPARSE_LIMIT`; else undefined (dense). */
  readonly moved: readonly number[] | undefined;
}

/** A number's exact text: `String` round-trips every double; only −0 needs saying. */
function exact(v: number): string {
  return v === 0 && 1 / v < 0 ? '-0' : String(v);
}

/**
 * Whether two doubles differ as far as any f can tell: −0 ≠ 0, NaN = NaN.
 *
 * @example
 * differs(0, -0); // true
 */
export function differs(a: number, b: number): boolean {
  if (a === b) return a === 0 && 1 / a !== 1 / b;
  return !(Number.isNaN(a) && Number.isNaN(b));
}

/**
 * A 64-bit hash of the bits of a run of doubles: FNV-1a over the two 32-bit words of each, in
 * two lanes with different offsets and primes (a 32-bit hash would collide among the 10⁴–10⁵
 * points of a large check with a few per cent probability; 64 bits make that negligible).
 *
 * @example
 * hashBits(Float64Array.of(1, 2)) === hashBits(Float64Array.of(1, 2)); // true
 */
export function hashBits(values: Float64Array): string {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ values.length;
  for (let k = 0; k < words.length; k++) {
    a = Math.imul(a ^ words[k], 0x01000193);
    b = Math.imul(b ^ words[k], 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Keys of the points where user functions are called, relative to the base θ: a finite-difference
 * check moves one or two entries at a time, so most keys list the moved entries exactly (no
 * collision is possible); points that move many entries (random directions, tangents) and the
 * other arguments (cotangents, tangents) are hashed by their bits.
 *
 * @example
 * const keys = new PointKeys([1, 2]);
 * keys.of([[1, 2.0001]]).key; // 's:1=2.0001'
 * keys.of([[1, 2]]).key;      // 's:' (the base θ)
 */
export class PointKeys {
  private readonly reader = new FlatReader();
  private readonly other = new FlatReader();
  readonly base: Float64Array;

  constructor(baseTheta: unknown) {
    this.base = new FlatReader().read(baseTheta).slice();
  }

  /** The key of a call with these arguments (θ first). */
  of(args: readonly unknown[]): Point {
    const flat = this.reader.read(args[0]);
    const moved = this.moved(flat);
    let key = moved ? `s:${moved.map((i) => `${i}=${exact(flat[i])}`).join(',')}` : `h:${flat.length}:${hashBits(flat)}`;
    for (let k = 1; k < args.length; k++) {
      const values = this.other.read(args[k]);
      key += `|${values.length}:${hashBits(values)}`;
    }
    return { key, flat, moved };
  }

  /** The entries of `flat` that differ from the base, or undefined when too many do. */
  private moved(flat: Float64Array): number[] | undefined {
    if (flat.length !== this.base.length) return undefined;
    const out: number[] = [];
    for (let i = 0; i < flat.length; i++) {
      if (differs(flat[i], this.base[i])) {
        if (out.length === SPARSE_LIMIT) return undefined;
        out.push(i);
      }
    }
    return out;
  }
}
