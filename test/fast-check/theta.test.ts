import fc from 'fast-check';
import { flatten } from 'gradcheck';
import { theta } from 'gradcheck/fast-check';
import { describe, expect, it } from 'vitest';

/** Runs a property that always fails and returns the counterexample fast-check shrank to. */
function shrunk<T>(arb: fc.Arbitrary<T>, fails: (value: T) => boolean, seed = 1): { value: T; seen: T[] } {
  const seen: T[] = [];
  const details = fc.check(
    fc.property(arb, (value) => {
      seen.push(value);
      return !fails(value);
    }),
    { seed },
  );
  expect(details.failed).toBe(true);
  return { value: details.counterexample![0], seen };
}

describe('theta: shapes', () => {
  it('theta(n) is a number[] of n entries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        const [θ] = fc.sample(theta(n), { numRuns: 1, seed });
        expect(Array.isArray(θ)).toBe(true);
        expect(θ).toHaveLength(n);
        for (const x of θ) expect(typeof x).toBe('number');
      }),
      { numRuns: 50, seed: 3 },
    );
  });

  it('theta([rows, cols]) is a rows×cols number[][], and deeper shapes nest further', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), (r, c, d) => {
        const [m] = fc.sample(theta([r, c]), { numRuns: 1, seed: r * 31 + c });
        expect(m).toHaveLength(r);
        for (const row of m) expect(row).toHaveLength(c);
        const [t] = fc.sample(theta([r, c, d]), { numRuns: 1, seed: d });
        expect(flatten(t).tensors[0].shape).toEqual([r, c, d]);
      }),
      { numRuns: 40, seed: 4 },
    );
  });

  it('theta([]) is a bare number', () => {
    for (const x of fc.sample(theta([]), { numRuns: 20, seed: 5 })) expect(typeof x).toBe('number');
  });

  it('an object spec gives a tree with its keys in order and the shapes of its tensors', () => {
    const spec = { W1: [5, 3], b1: 5, W2: [2, 5], b2: 2, nested: { s: [] as [] } } as const;
    for (const θ of fc.sample(theta(spec), { numRuns: 20, seed: 6 })) {
      expect(Object.keys(θ)).toEqual(['W1', 'b1', 'W2', 'b2', 'nested']);
      const layout = flatten(θ);
      expect(layout.tensors.map((t) => [t.name, t.shape])).toEqual([
        ['W1', [5, 3]],
        ['b1', [5]],
        ['W2', [2, 5]],
        ['b2', [2]],
        ['nested.s', []],
      ]);
      expect(layout.size).toBe(15 + 5 + 10 + 2 + 1);
    }
  });
});

describe('theta: values', () => {
  const bounds = fc
    .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
    .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));

  it('every entry is finite and inside [min, max], for any bounds', () => {
    fc.assert(
      fc.property(bounds, fc.integer(), ([min, max], seed) => {
        for (const θ of fc.sample(theta(8, { min, max }), { numRuns: 5, seed })) {
          for (const x of θ) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(min);
            expect(x).toBeLessThanOrEqual(max);
          }
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('spreads values over the box instead of piling them at tiny magnitudes', () => {
    const values = fc.sample(theta(50), { numRuns: 40, seed: 8 }).flat();
    const nonzero = values.filter((x) => x !== 0);
    // fc.double would put most draws in [−1, 1] below 1e-100; on the grid none is below 2⁻³⁰.
    expect(Math.min(...nonzero.map(Math.abs))).toBeGreaterThanOrEqual(2 ** -30);
    expect(values.filter((x) => Math.abs(x) > 0.1).length / values.length).toBeGreaterThan(0.5);
    expect(values.some((x) => x > 0.9) && values.some((x) => x < -0.9)).toBe(true);
  });

  it("precision 'float32' gives Float32Array rows of float32 values inside [min, max]", () => {
    const bounds32 = fc
      .tuple(fc.float({ min: -1e6, max: 1e6, noNaN: true }), fc.float({ min: -1e6, max: 1e6, noNaN: true }))
      .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
    fc.assert(
      fc.property(bounds32, fc.integer(), ([min, max], seed) => {
        for (const m of fc.sample(theta([3, 4], { min, max, precision: 'float32' }), { numRuns: 3, seed })) {
          expect(m).toHaveLength(3);
          for (const row of m) {
            expect(row).toBeInstanceOf(Float32Array);
            expect(row).toHaveLength(4);
            for (const x of row) {
              expect(x).toBeGreaterThanOrEqual(min);
              expect(x).toBeLessThanOrEqual(max);
            }
          }
        }
        const [v] = fc.sample(theta(5, { min, max, precision: 'float32' }), { numRuns: 1, seed });
        expect(v).toBeInstanceOf(Float32Array);
      }),
      { numRuns: 100, seed: 9 },
    );
  });

  it('float32 trees are checked in float32 by the core (inferred from the Float32Array leaves)', () => {
    const [θ] = fc.sample(theta({ W: [2, 3], b: 2 }, { precision: 'float32' }), { numRuns: 1, seed: 10 });
    expect(flatten(θ).dtype).toBe('float32');
    expect(flatten(θ).paths).toEqual(['W[0][0]', 'W[0][1]', 'W[0][2]', 'W[1][0]', 'W[1][1]', 'W[1][2]', 'b[0]', 'b[1]']);
  });

  it('keeps every entry at least margin away from each avoided point', () => {
    const avoidCase = fc.record({
      avoid: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 4 }),
      margin: fc.double({ min: 1e-6, max: 0.2, noNaN: true }),
      precision: fc.constantFrom('float64' as const, 'float32' as const),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(avoidCase, ({ avoid, margin, precision, seed }) => {
        for (const θ of fc.sample(theta(10, { min: -2, max: 2, avoid, margin, precision }), { numRuns: 5, seed })) {
          for (const x of θ) {
            if (precision === 'float32') expect(Math.fround(x)).toBe(x);
            for (const p of avoid) expect(Math.abs(x - p)).toBeGreaterThanOrEqual(margin);
          }
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('the default margin is twice the widest stencil at the point: 2e-4 in float64, 2·4·∛ε₃₂ ≈ 3.9e-2 in float32', () => {
    const near = (precision: 'float64' | 'float32', p: number) =>
      Math.min(
        ...fc
          .sample(theta(20, { avoid: [p], min: p - 0.1, max: p + 0.1, precision }), { numRuns: 50, seed: 12 })
          .flatMap((θ) => Array.from(θ, (x) => Math.abs(x - p))),
      );
    expect(near('float64', 0)).toBeGreaterThanOrEqual(2e-4);
    expect(near('float64', 0)).toBeLessThan(2e-4 * 1.01); // the bias toward the origin reaches the edge
    expect(near('float64', 3)).toBeGreaterThanOrEqual(6e-4);
    expect(near('float32', 0)).toBeGreaterThanOrEqual(8 * Math.cbrt(2 ** -23));
    expect(near('float32', 0)).toBeLessThan(8 * Math.cbrt(2 ** -23) * 1.01);
  });
});

describe('theta: shrinking', () => {
  it('shrinks every entry to 0 when 0 is allowed, one entry at a time', () => {
    const { value } = shrunk(theta({ W: [2, 3], b: 2 }), () => true);
    expect(value).toEqual({
      W: [
        [0, 0, 0],
        [0, 0, 0],
      ],
      b: [0, 0],
    });
  });

  it('shrinks onto the boundary of the failing region, within one grid step', () => {
    const { value } = shrunk(theta(4), (θ) => θ[2] > 0.5);
    expect(value[2]).toBeGreaterThan(0.5);
    expect(value[2] - 0.5).toBeLessThanOrEqual(2 ** -30);
    expect([value[0], value[1], value[3]]).toEqual([0, 0, 0]);
  });

  it('shrinks toward the bound nearest 0 when 0 is outside [min, max]', () => {
    expect(shrunk(theta(3, { min: 0.5, max: 2 }), () => true).value).toEqual([0.5, 0.5, 0.5]);
    expect(shrunk(theta(3, { min: -3, max: -1.25 }), () => true).value).toEqual([-1.25, -1.25, -1.25]);
  });

  it('shrinks to the edge of the margin around an avoided 0, and never into it while shrinking', () => {
    const { value, seen } = shrunk(theta(3, { avoid: [0], margin: 0.01 }), (θ) => θ.some((x) => Math.abs(x) > 0.2));
    expect(value.filter((x) => x === 0.01)).toHaveLength(2);
    expect(value.find((x) => x !== 0.01)).toSatisfy((x: number) => Math.abs(x) > 0.2 && Math.abs(x) - 0.2 < 1e-8);
    for (const θ of seen) for (const x of θ) expect(Math.abs(x)).toBeGreaterThanOrEqual(0.01);
  });

  it('in float32, shrunk values stay float32 and inside the bounds', () => {
    const { value, seen } = shrunk(theta(3, { precision: 'float32', min: 0.1, max: 0.9 }), (θ) => θ[0] > 1 / 3);
    expect(value[0]).toBe(Math.fround(value[0]));
    expect(value[0]).toBeGreaterThan(1 / 3);
    expect(value[0] - 1 / 3).toBeLessThan(1e-7);
    expect(Array.from(value.subarray(1))).toEqual(
      [Math.fround(0.1), Math.fround(0.1)].map((x) => (x < 0.1 ? nextFloat32(x) : x)),
    );
    for (const θ of seen) for (const x of θ) expect(x >= 0.1 && x <= 0.9).toBe(true);
  });
});

describe('theta: bad input', () => {
  it.each([
    [() => theta(0), 'theta: shape must be a positive integer (a number of entries), but got 0'],
    [() => theta([3, 1.5]), 'theta: shape[1] must be a positive integer'],
    [() => theta({ W: [2, -1] }), 'theta: shape.W[1] must be a positive integer'],
    [() => theta({}), 'theta: shape is an empty object'],
    [() => theta('3' as never), 'theta: shape must be a number (vector length), an array of dimensions'],
    [() => theta(3, { min: 2, max: 1 }), 'theta: options.min must be smaller or equal to options.max, but got min 2 > max 1'],
    [() => theta(3, { max: Number.POSITIVE_INFINITY }), 'theta: options.max must be a finite number, but got Infinity'],
    [() => theta(3, { avoid: [0, Number.NaN] }), 'theta: options.avoid[1] must be a finite number'],
    [() => theta(3, { precision: 'float16' as never }), "theta: options.precision must be one of 'float64', 'float32'"],
    [() => theta(3, { mn: 0 } as never), 'theta: unknown option "mn"; known options are min, max, precision, avoid, margin'],
    [
      () => theta(3, { min: -1e-5, max: 1e-5, avoid: [0] }),
      'theta: options.avoid [0] with margins [0.0002] leaves no value in [-0.00001, 0.00001]',
    ],
  ])('%#: %s', (make, message) => {
    expect(make).toThrow(expect.objectContaining({ name: 'GradcheckError', message: expect.stringContaining(message) }));
  });
});

function nextFloat32(x: number): number {
  const f = new Float32Array([x]);
  new Int32Array(f.buffer)[0] += x >= 0 ? 1 : -1;
  return f[0];
}
