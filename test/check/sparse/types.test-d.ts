import { expectTypeOf } from 'expect-type';
import { describe, expect, test } from 'vitest';
import {
  type GradientReport,
  type HessianOptions,
  type JacobianOptions,
  type SparsityOption,
  checkHessian,
  checkHessianAsync,
  checkJacobian,
  checkJacobianAsync,
} from 'gradcheck';
import 'gradcheck/vitest';

const layer = (x: number[]) => x.map(Math.sin);
const jac = (x: number[]) => x.map((v, i) => x.map((_, j) => (i === j ? Math.cos(v) : 0)));
const at = [0.1, 0.2];

describe('sparsity types', () => {
  test('checkJacobian, checkHessian, their async forms and matchers take sparsity', async () => {
    expectTypeOf(checkJacobian(layer, jac, { at, sparsity: 'auto' })).toEqualTypeOf<GradientReport>();
    expectTypeOf(
      checkJacobian(layer, jac, {
        at,
        sparsity: [
          [true, false],
          [false, true],
        ],
      }),
    ).toEqualTypeOf<GradientReport>();
    expectTypeOf(
      checkJacobian(layer, jac, { at, sparsity: [Uint8Array.of(1, 0), Uint8Array.of(0, 1)] }),
    ).toEqualTypeOf<GradientReport>();
    expectTypeOf(checkJacobian(layer, jac, { at, sparsity: false })).toEqualTypeOf<GradientReport>();
    expectTypeOf(await checkJacobianAsync(layer, jac, { at, sparsity: 'auto' })).toEqualTypeOf<GradientReport>();
    const f = (x: number[]) => x[0] * x[1];
    const H = () => [
      [0, 1],
      [1, 0],
    ];
    expectTypeOf(checkHessian(f, H, { at, sparsity: 'auto' })).toEqualTypeOf<GradientReport>();
    expectTypeOf(await checkHessianAsync(f, H, { at, sparsity: 'auto' })).toEqualTypeOf<GradientReport>();
    expectTypeOf<JacobianOptions<number[]>['sparsity']>().toEqualTypeOf<SparsityOption | undefined>();
    expectTypeOf<HessianOptions<number[]>['sparsity']>().toEqualTypeOf<SparsityOption | undefined>();
    expect(layer).toHaveJacobian(jac, { at, sparsity: 'auto' });
    expect(f).toHaveHessian(H, { at, sparsity: 'auto' });
    // @ts-expect-error: 'yes' is not a sparsity
    checkJacobian(layer, jac, { at, sparsity: 'yes' });
  });
});
