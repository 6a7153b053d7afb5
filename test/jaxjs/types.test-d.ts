// The types of gradcheck/jaxjs: jaxFunction and jaxGradient fit the synchronous checks by default
// and the async ones with { read: 'async' } or an async f; checkGrads returns one report per check.
import type { numpy as np } from '@jax-js/jax';
import { type GradientReport, checkGradient, checkGradientAsync } from 'gradcheck';
import { type GradsReport, checkGrads, jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
import { expectTypeOf, test } from 'vitest';

declare const loss: (p: { w: np.Array }) => np.Array;
declare const gradient: (p: { w: np.Array }) => { w: np.Array };
declare const w: np.Array;

test('sync and async forms', () => {
  expectTypeOf(jaxFunction(loss)).returns.toEqualTypeOf<number>();
  expectTypeOf(jaxFunction(loss, { read: 'async' })).returns.toEqualTypeOf<Promise<number>>();
  expectTypeOf(jaxFunction(async (p: { w: np.Array }) => loss(p))).returns.toEqualTypeOf<Promise<number>>();
  expectTypeOf(checkGradient(jaxFunction(loss), jaxGradient(gradient), { at: { w } })).toEqualTypeOf<GradientReport>();
  expectTypeOf(
    checkGradientAsync(jaxFunction(loss, { read: 'async' }), jaxGradient(gradient, { read: 'async' }), { at: { w } }),
  ).toEqualTypeOf<Promise<GradientReport>>();
});

test('jax-js functions as they are: f returns a one-entry Array (a Loss), grad a tree of Arrays', () => {
  expectTypeOf(checkGradient(loss, gradient, { at: { w } })).toEqualTypeOf<GradientReport>();
  expectTypeOf(checkGradientAsync(async (p: { w: np.Array }) => loss(p), gradient, { at: { w } })).toEqualTypeOf<
    Promise<GradientReport>
  >();
  // @ts-expect-error an f that returns a list is not a loss
  checkGradient((p: { w: np.Array }) => [loss(p)], gradient, { at: { w } });
  // @ts-expect-error nor is a Promise, in the synchronous check
  checkGradient(async (p: { w: np.Array }) => loss(p), gradient, { at: { w } });
});

test('checkGrads', () => {
  const report = checkGrads((x: np.Array) => x, [w], { order: 2, modes: ['fwd'] });
  expectTypeOf(report).toEqualTypeOf<GradsReport>();
  expectTypeOf(report.checks[0].report).toEqualTypeOf<GradientReport>();
  // @ts-expect-error order is 1 or 2
  checkGrads((x: np.Array) => x, [w], { order: 3 });
});
