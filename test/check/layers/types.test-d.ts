import { expectTypeOf } from 'expect-type';
import { describe, expect, test } from 'vitest';
import {
  type GradientReport,
  type HessianOptions,
  type JvpOptions,
  type VjpOptions,
  checkHessian,
  checkJacobian,
  checkJvp,
  checkVjp,
  numericJacobian,
} from 'gradcheck';
import 'gradcheck/vitest';

interface Layer {
  x: number[];
  W: number[][];
  b: number[];
}
const forward = (p: Layer) => p.b.map((b, i) => b + p.W[i].reduce((s, w, j) => s + w * p.x[j], 0));
const at: Layer = { x: [1, 2], W: [[1, 2]], b: [0] };

describe('layer check types', () => {
  test('the checks return a GradientReport and numericJacobian a number[][]', () => {
    expectTypeOf(numericJacobian(forward, at)).toEqualTypeOf<number[][]>();
    expectTypeOf(checkJacobian(forward, [[1, 2, 1, 2, 1]], { at })).toEqualTypeOf<GradientReport>();
    expectTypeOf(checkVjp(forward, (p, yBar) => ({ ...p, b: yBar }), { at, cotangents: 2 })).toEqualTypeOf<GradientReport>();
    expectTypeOf(checkJvp(forward, (_p, u) => u.b, { at, tangents: [at] })).toEqualTypeOf<GradientReport>();
    expectTypeOf(
      checkHessian((t: number[]) => t[0] ** 2, [[2]], { at: [1], gradient: (t) => [2 * t[0]] }),
    ).toEqualTypeOf<GradientReport>();
  });

  test('vjp receives θ typed like options.at and ȳ typed like f’s output', () => {
    checkVjp(
      forward,
      (p, yBar) => {
        expectTypeOf(p).toEqualTypeOf<Layer>();
        expectTypeOf(yBar).toEqualTypeOf<number[]>();
        return p;
      },
      { at },
    );
    checkJvp(
      forward,
      (p, u) => {
        expectTypeOf(u).toEqualTypeOf<Layer>();
        return p.b;
      },
      { at },
    );
  });

  test('the options carry their own names', () => {
    expectTypeOf<VjpOptions['cotangents']>().toEqualTypeOf<
      number | import('gradcheck').Params | readonly import('gradcheck').Params[] | undefined
    >();
    expectTypeOf<JvpOptions>().toHaveProperty('tangents');
    expectTypeOf<HessianOptions<number[]>['gradient']>().toEqualTypeOf<
      ((theta: number[]) => import('gradcheck').Params) | undefined
    >();
    // @ts-expect-error cotangents belong to checkVjp, not to checkJacobian
    checkJacobian(forward, [[1]], { at, cotangents: 2 });
    // @ts-expect-error options.at is required
    checkVjp(forward, (p) => p, { cotangents: 2 });
  });

  test('the matchers exist on Vitest’s expect, with .not, and return void', () => {
    expectTypeOf(expect(forward).toHaveJacobian([[1, 2, 1, 2, 1]], { at })).toEqualTypeOf<void>();
    expectTypeOf(expect(forward).not.toHaveJacobian((p: Layer) => [[...p.x, ...p.W[0], 1]], { at })).toEqualTypeOf<void>();
    expectTypeOf(
      expect(forward).toHaveVjp((p: Layer, yBar: number[]) => ({ ...p, b: yBar }), { at, cotangents: 3, seed: 1 }),
    ).toEqualTypeOf<void>();
    expectTypeOf(expect(forward).toHaveJvp((_p: Layer, u: Layer) => u.b, { at, tangents: 2 })).toEqualTypeOf<void>();
    expectTypeOf(
      expect((t: number[]) => t[0] ** 2).toHaveHessian([[2]], { at: [1], gradient: (t: number[]) => [2 * t[0]] }),
    ).toEqualTypeOf<void>();
    // @ts-expect-error toHaveHessian has no cotangents
    expect((t: number[]) => t[0]).toHaveHessian([[0]], { at: [1], cotangents: 2 });
    // @ts-expect-error toHaveJvp needs a function
    expect(forward).toHaveJvp([1], { at });
  });
});
