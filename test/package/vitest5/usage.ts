// Every matcher through Vitest 5's `expect`, typed by `import 'gradcheck/vitest'` (which adds
// them to `Chai.Assertion`: Vitest 5 changed the type parameters of Matchers/Assertion).
import 'gradcheck/vitest';
import { expect, expectTypeOf, test } from 'vitest';

const loss = ([x, y]: number[]) => x * x * y;
const grad = ([x, y]: number[]) => [2 * x * y, x * x];
const layer = ([x, y]: number[]) => [x * y, x];
const at = [0.5, 2];

test('matchers on Vitest 5', async () => {
  expect(loss).toHaveGradient(grad, { at });
  expect(loss).not.toHaveGradient([0, 0], { at, rtol: 1e-6, seed: 1 });
  expect(Math.sin).toHaveDerivative(Math.cos, { at: 0.3 });
  expect([1, 2]).toBeAllClose([1, 2], { rtol: 1e-9, atol: 0 });
  expect(layer).toHaveJacobian(
    ([x, y]: number[]) => [
      [y, x],
      [1, 0],
    ],
    { at },
  );
  expect(layer).toHaveVjp(([x, y]: number[], yBar: number[]) => [yBar[0] * y + yBar[1], yBar[0] * x], { at });
  expect(layer).toHaveJvp(([x, y]: number[], u: number[]) => [y * u[0] + x * u[1], u[0]], { at });
  expect(loss).toHaveHessian(
    ([x, y]: number[]) => [
      [2 * y, 2 * x],
      [2 * x, 0],
    ],
    { at },
  );
  expectTypeOf(expect(loss).toHaveGradient(grad, { at })).toEqualTypeOf<void>();
  await expect(Promise.resolve([1, 2])).resolves.toBeAllClose([1, 2]);
  expectTypeOf(expect(Promise.resolve([1])).resolves.toBeAllClose([1])).toEqualTypeOf<Promise<void>>();
});

test('wrong calls do not compile on Vitest 5', () => {
  // @ts-expect-error options.at is required
  expect(loss).toHaveGradient(grad, {});
  // @ts-expect-error rtol is a number
  expect(loss).toHaveGradient(grad, { at, rtol: 'loose' });
  // @ts-expect-error no such matcher
  expect(loss).toHaveGradiant(grad, { at });
});
