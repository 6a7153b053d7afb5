// The matchers as a TypeScript user of Jest writes them: `@jest/globals`' expect, typed by the
// `declare module 'expect'` augmentation of gradcheck/jest (checked by tsc -p .).
import { expect, test } from '@jest/globals';
import type {} from 'gradcheck/jest';
import { GradcheckError, checkGradient } from 'gradcheck';

const loss = (theta: { w: number[]; b: number }) => theta.w.reduce((s, wi) => s + wi * wi, 0) * theta.b;
const grad = (theta: { w: number[]; b: number }) => ({
  w: theta.w.map((wi) => 2 * wi * theta.b),
  b: theta.w.reduce((s, wi) => s + wi * wi, 0),
});

test('typed matchers on a parameter tree', () => {
  const at = { w: [0.5, -1.5, 2], b: 0.75 };
  expect(loss).toHaveGradient(grad, { at });
  expect(loss).not.toHaveGradient((t: typeof at) => ({ ...grad(t), b: 0 }), { at });
  expect(Math.exp).toHaveDerivative(Math.exp, { at: 1 });
  expect(grad(at).w).toBeAllClose([0.75, -2.25, 3]);
  expect(checkGradient(loss, grad, { at }).evaluations).toBe(8);
});

test('bad input throws GradcheckError under Jest too, also with .not', () => {
  expect(() => expect(loss).toHaveGradient(grad, {} as never)).toThrow(GradcheckError);
  expect(() => expect(loss).not.toHaveGradient(grad, {} as never)).toThrow('toHaveGradient: options.at is required');
});
