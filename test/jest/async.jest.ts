// Async functions under Jest 30: a matcher given an f that returns a Promise returns a Promise
// (Jest accepts async custom matchers); `await expect(f).toHaveGradient(…)` passes, fails with
// the synchronous matcher's message, and works with `.not`; the async checks work under Jest.
import { describe, expect, test } from '@jest/globals';
import { checkGradient, checkGradientAsync } from 'gradcheck';
import { stripVTControlCharacters } from 'node:util';

const f2 = ([x, y]: number[]) => x * x * y + Math.sin(y);
const g2 = ([x, y]: number[]) => [2 * x * y, x * x + Math.cos(y)];
const g2Sign = ([x, y]: number[]) => [-2 * x * y, x * x + Math.cos(y)];
const asyncF2 = async (t: number[]) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return f2(t);
};
const at = [0.7, -1.2];
const layer = async ([x0, x1]: number[]) => [x0 * x1, Math.sin(x0)];
const vjp = ([x0, x1]: number[], yBar: number[]) => [yBar[0] * x1 + yBar[1] * Math.cos(x0), yBar[0] * x0];

/** Matchers as Jest types them without gradcheck/jest's augmentation in this file. */
const e = (value: unknown) =>
  expect(value) as unknown as Record<string, (...args: unknown[]) => Promise<void>> & {
    not: Record<string, (...args: unknown[]) => Promise<void>>;
  };

describe('async functions under Jest', () => {
  test('toHaveGradient passes and fails (.not too) for an async f', async () => {
    await e(asyncF2).toHaveGradient(g2, { at, concurrency: 3 });
    await e(asyncF2).not.toHaveGradient(g2Sign, { at });
    let text = '';
    try {
      await e(asyncF2).toHaveGradient(g2Sign, { at });
    } catch (error) {
      text = stripVTControlCharacters((error as Error).message);
    }
    expect(text).toContain('expect(received).toHaveGradient(grad, options)');
    expect(text).toContain('The analytic gradient disagrees with the numeric one.');
  });

  test('toHaveVjp for an async layer', async () => {
    await e(layer).toHaveVjp(vjp, { at, concurrency: 2 });
  });

  test('checkGradientAsync equals checkGradient', async () => {
    const { durationMs: _a, message: _m, ...sync } = checkGradient(f2, g2Sign, { at });
    const { durationMs: _b, message: _n, ...report } = await checkGradientAsync(asyncF2, g2Sign, { at, concurrency: 8 });
    expect(report).toEqual(sync);
  });
});
