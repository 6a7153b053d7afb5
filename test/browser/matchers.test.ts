// gradcheck's matchers in Vitest browser mode (Chromium): every entry point but
// gradcheck/workers runs in a browser (API.md, "Vitest browser mode"). Known derivatives pass,
// injected bugs fail with their report, errors are framed at this file, and a failing matcher's
// picture is attached to the test as under Node.
import * as fc from 'fast-check';
import { checkGradient, GradcheckError } from 'gradcheck';
import { gradientProperty, theta } from 'gradcheck/fast-check';
import 'gradcheck/vitest';
import { describe, expect, test, vi } from 'vitest';
import { stackFrames, thrownBy } from '../thrown.js';

const at = [0.3, -0.2];
const loss = ([w, b]: number[]) => (2 * w + b - 1) ** 2;
const lossGrad = ([w, b]: number[]) => [4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
const signFlipped = ([w, b]: number[]) => [-4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];

test('runs in a browser, not in Node', () => {
  const browser = globalThis as { window?: unknown; navigator?: { userAgent: string } };
  expect(browser.window).toBe(globalThis);
  expect(browser.navigator?.userAgent).toContain('Chrome');
  expect((globalThis as { process?: unknown }).process).toBeUndefined();
});

describe('the matchers', () => {
  test('a right gradient passes and a sign error does not (.not)', () => {
    expect(loss).toHaveGradient(lossGrad, { at });
    expect(loss).not.toHaveGradient(signFlipped, { at });
  });

  test('the failure message names the wrong entry and the diagnosis', () => {
    expect(() => expect(loss).toHaveGradient(signFlipped, { at })).toThrow(/Sign error at \[0\]/);
  });

  test('Jacobian, Hessian, derivative and allClose', () => {
    const layer = ([x, y]: number[]) => [x * y, Math.sin(x)];
    expect(layer).toHaveJacobian(
      ([x, y]: number[]) => [
        [y, x],
        [Math.cos(x), 0],
      ],
      { at },
    );
    expect(([x, y]: number[]) => x * x * y).toHaveHessian(
      ([x, y]: number[]) => [
        [2 * y, 2 * x],
        [2 * x, 0],
      ],
      { at },
    );
    expect(Math.exp).toHaveDerivative(Math.exp, { at: 0.5 });
    expect([1, 2]).toBeAllClose([1, 2 + 1e-12]);
  });

  test('checkGradient counts its evaluations as in Node: 2n', () => {
    const report = checkGradient(loss, lossGrad, { at });
    expect(report.pass).toBe(true);
    expect(report.evaluations).toBe(4);
  });

  test('an async f: the matcher is awaited', async () => {
    const slow = async (theta: number[]) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return loss(theta);
    };
    await expect(slow).toHaveGradient(lossGrad, { at });
    await expect(expect(slow).toHaveGradient(signFlipped, { at })).rejects.toThrow(/Sign error at \[0\]/);
  });
});

test('gradcheck/fast-check: a property over θ holds for the right gradient and fails for the sign error', () => {
  const box = theta(2, { min: -2, max: 2 });
  fc.assert(gradientProperty(loss, lossGrad, box), { numRuns: 20, seed: 1 });
  let error: Error | undefined;
  try {
    fc.assert(gradientProperty(loss, signFlipped, box), { numRuns: 20, seed: 1 });
  } catch (e) {
    error = e as Error;
  }
  expect(error?.message).toMatch(/^Property failed after \d+ tests/);
  expect((error?.cause as Error | undefined)?.message).toMatch(/^gradientProperty: the gradient is wrong at θ = /);
});

// An async matcher that is not awaited fails its test in the browser too. (Its message and frame
// are checked under Node, by test/package/unawaited.test.ts; here: that it fails at all.)
test.fails('an un-awaited async matcher fails its test, even with a right gradient', () => {
  const slow = async (theta: number[]) => loss(theta);
  expect(slow).toHaveGradient(lossGrad, { at });
});

test("a GradcheckError's first frame is this file's line, in Chromium too", () => {
  const error = thrownBy(() => checkGradient(loss, lossGrad, {} as never), GradcheckError);
  expect(stackFrames(error)[0]).toMatch(/test\/browser\/matchers\.test\.ts(\?[^:]*)?:\d+:\d+/);
});

test('a failing matcher attaches its heatmap to the test, as under Node', async ({ task }) => {
  expect(() => expect(loss).toHaveGradient(signFlipped, { at })).toThrow(/disagrees/);
  await vi.waitFor(() => expect(task.annotations.length).toBeGreaterThan(0));
  const [annotation] = task.annotations;
  expect(annotation.type).toBe('gradcheck');
  expect(annotation.message).toBe('Gradient check failed: 1 of 2 entries disagree (error heatmap)');
  expect(annotation.attachment?.contentType).toBe('image/svg+xml');
  const svg = atob(annotation.attachment?.body as string);
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('</svg>');
});
