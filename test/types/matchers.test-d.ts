import { expectTypeOf } from 'expect-type';
import { describe, expect, test } from 'vitest';
import { type CheckOptions, type GradientReport, checkGradient } from 'gradcheck';
import 'gradcheck/vitest';

const loss = (t: number[]) => t[0] * t[1];

describe("matcher types on Vitest's expect", () => {
  test('the matchers exist and return void', () => {
    expectTypeOf(expect(loss).toHaveGradient).toBeFunction();
    expectTypeOf(expect(loss).toHaveGradient((t: number[]) => [t[1], t[0]], { at: [1, 2] })).toEqualTypeOf<void>();
    expectTypeOf(expect(loss).not.toHaveGradient([1, 2], { at: [1, 2] })).toEqualTypeOf<void>();
    expectTypeOf(expect(Math.sin).toHaveDerivative(Math.cos, { at: 0.3 })).toEqualTypeOf<void>();
    expectTypeOf(expect([1]).toBeAllClose([1], { rtol: 1e-7, atol: 0 })).toEqualTypeOf<void>();
  });

  test('options are typed', () => {
    expect(loss).toHaveGradient((t: number[]) => t, {
      at: [1, 2],
      rtol: 1e-6,
      atol: 0,
      method: 'central',
      precision: 'float64',
      kinks: 'fail',
    });
    // @ts-expect-error a wrong option name is a compile error
    expect(loss).toHaveGradient((t: number[]) => t, { at: [1, 2], rtoll: 1e-6 });
    // @ts-expect-error options.at is required
    expect(loss).toHaveGradient((t: number[]) => t, { rtol: 1e-6 });
    // @ts-expect-error method is one of the known names
    expect(loss).toHaveGradient((t: number[]) => t, { at: [1, 2], method: 'centre' });
    // @ts-expect-error toHaveDerivative takes a number θ
    expect(Math.sin).toHaveDerivative(Math.cos, { at: [0.3] });
    // @ts-expect-error toBeAllClose has no `at`
    expect([1]).toBeAllClose([1], { at: [1] });
  });

  test('the gradient function receives θ typed like options.at', () => {
    expect((p: { W: number[][]; b: number[] }) => p.b[0]).toHaveGradient(
      (p) => {
        expectTypeOf(p).toEqualTypeOf<{ W: number[][]; b: number[] }>();
        return { W: [[0]], b: [1] };
      },
      { at: { W: [[1]], b: [2] } },
    );
  });
});

interface Net {
  W: number[][];
  b: Float64Array;
}

describe('parameter types', () => {
  test('your own interfaces (no index signature) are accepted as θ', () => {
    const net: Net = { W: [[1, 2]], b: new Float64Array([3]) };
    const f = (p: Net) => p.W[0][0] * p.b[0];
    expectTypeOf(checkGradient(f, (p) => ({ W: [[p.b[0], 0]], b: [p.W[0][0]] }), { at: net })).toEqualTypeOf<GradientReport>();
    expect(f).toHaveGradient((p: Net) => p, { at: net });
  });

  test("a gradient has θ's structure: a 0 where θ holds an array, or a missing key, does not compile", () => {
    const f = (p: { W: number[][]; b: number[] }) => p.b[0];
    const at = { W: [[1]], b: [2] };
    // @ts-expect-error b holds an array in θ, so its gradient cannot be a number
    checkGradient(f, { W: [[0]], b: 0 }, { at });
    // @ts-expect-error the gradient is missing b
    expect(f).toHaveGradient((p) => ({ W: p.W }), { at });
    // Leaves in any numeric form are fine: rows as typed arrays, a Float64Array for a number[].
    checkGradient(f, { W: [Float64Array.of(0)], b: Float64Array.of(1) }, { at });
    expect(f).toHaveGradient(async (p) => ({ W: p.W, b: [0] }), { at });
  });

  test('a string is not a parameter', () => {
    const length = (s: string) => s.length;
    // @ts-expect-error θ must be numbers, arrays, typed arrays or objects of these
    checkGradient(length, () => 0, { at: 'abc' });
  });
});

describe('core types', () => {
  test('checkGradient returns a GradientReport', () => {
    const report = checkGradient(loss, (t) => [t[1], t[0]], { at: [1, 2] });
    expectTypeOf(report).toEqualTypeOf<GradientReport>();
    expectTypeOf(report.pass).toEqualTypeOf<boolean>();
    expectTypeOf(report.mismatches[0].path).toEqualTypeOf<string>();
    expectTypeOf<CheckOptions<number[]>['at']>().toEqualTypeOf<number[]>();
  });
});
