// gradcheck/jest types the matchers on Jest 30's `expect` (from @jest/globals), via
// `declare module 'expect'`; checked by `vitest --typecheck`.
import { expect } from '@jest/globals';
import type {} from 'gradcheck/jest';
import { expectTypeOf, test } from 'vitest';

const loss = ([x, y]: number[]) => x * y;

test('Jest expect has the gradcheck matchers, returning void (Promise<void> after .resolves)', () => {
  expectTypeOf(expect(loss).toHaveGradient(([x, y]: number[]) => [y, x], { at: [1, 2] })).toEqualTypeOf<void>();
  expectTypeOf(expect(loss).not.toHaveGradient([0, 0], { at: [1, 2], rtol: 1e-6 })).toEqualTypeOf<void>();
  expectTypeOf(expect(Math.sin).toHaveDerivative(Math.cos, { at: 0.5 })).toEqualTypeOf<void>();
  expectTypeOf(expect([1, 2]).toBeAllClose([1, 2], { atol: 0 })).toEqualTypeOf<void>();
  expectTypeOf(expect(Promise.resolve([1])).resolves.toBeAllClose([1])).toEqualTypeOf<Promise<void>>();
});

test('wrong options do not compile', () => {
  // @ts-expect-error options.at is required
  expect(loss).toHaveGradient([0, 0], {});
  // @ts-expect-error rtol is a number
  expect(loss).toHaveGradient([0, 0], { at: [1, 2], rtol: 'tight' });
  // @ts-expect-error no such matcher
  expect(loss).toHaveGradiant([0, 0], { at: [1, 2] });
});
