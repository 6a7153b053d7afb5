// Every gradcheck matcher under Jest 30, passing and failing (and `.not`), so that the Jest and
// Vitest integrations cannot drift apart: a matcher registered in `gradcheckMatchers` without a
// case here fails the first test.
import { describe, expect, test } from '@jest/globals';
import { gradcheckMatchers } from 'gradcheck';
import { stripVTControlCharacters } from 'node:util';

type Call = (e: unknown) => void;
interface Case {
  /** A call that must pass. */
  pass: Call;
  /** A call that must fail; its message must contain every string of `says`. */
  fail: Call;
  says: string[];
}

/** Calls a matcher by name (matchers still being written may lack types). */
const call =
  (name: string, ...args: unknown[]): Call =>
  (e) =>
    (e as Record<string, (...a: unknown[]) => void>)[name](...args);

const f2 = ([x, y]: number[]) => x * x * y + Math.sin(y);
const g2 = ([x, y]: number[]) => [2 * x * y, x * x + Math.cos(y)];
const at = [0.7, -1.2];
// A layer y = [x0·x1, sin x0]: Jacobian rows are outputs, columns inputs.
const layer = ([x0, x1]: number[]) => [x0 * x1, Math.sin(x0)];
const jac = ([x0, x1]: number[]) => [
  [x1, x0],
  [Math.cos(x0), 0],
];
const vjp = ([x0, x1]: number[], yBar: number[]) => [yBar[0] * x1 + yBar[1] * Math.cos(x0), yBar[0] * x0];
const jvp = ([x0, x1]: number[], u: number[]) => [x1 * u[0] + x0 * u[1], Math.cos(x0) * u[0]];
const cubic = ([x0, x1]: number[]) => x0 * x0 * x1 + x1 ** 3;
const hess = ([x0, x1]: number[]) => [
  [2 * x1, 2 * x0],
  [2 * x0, 6 * x1],
];

const cases: Record<string, Case> = {
  toHaveGradient: {
    pass: call('toHaveGradient', g2, { at }),
    fail: call('toHaveGradient', ([x, y]: number[]) => [2 * x * y, -(x * x + Math.cos(y))], { at }),
    says: [
      'expect(received).toHaveGradient(grad, options)',
      'The analytic gradient disagrees with the numeric one.',
      '1 of 2 entries disagree',
    ],
  },
  toHaveDerivative: {
    pass: call('toHaveDerivative', Math.cos, { at: 0.3 }),
    fail: call('toHaveDerivative', (x: number) => -Math.cos(x), { at: 0.3 }),
    says: ['expect(received).toHaveDerivative(df, options)'],
  },
  toBeAllClose: {
    pass: call('toBeAllClose', [1, 2 + 1e-12], { rtol: 1e-9 }),
    fail: call('toBeAllClose', [1, 2.5]),
    says: ['expect(received).toBeAllClose(', '[1]'],
  },
  toHaveJacobian: {
    pass: call('toHaveJacobian', jac, { at }),
    fail: call(
      'toHaveJacobian',
      ([x0, x1]: number[]) => [
        [x0, x1],
        [Math.cos(x0), 0],
      ],
      { at },
    ),
    says: ['expect(received).toHaveJacobian('],
  },
  toHaveVjp: {
    pass: call('toHaveVjp', vjp, { at }),
    fail: call('toHaveVjp', ([x0, x1]: number[], yBar: number[]) => [yBar[0] * x0, yBar[0] * x1 + yBar[1] * Math.cos(x0)], {
      at,
    }),
    says: ['expect(received).toHaveVjp('],
  },
  toHaveJvp: {
    pass: call('toHaveJvp', jvp, { at }),
    fail: call('toHaveJvp', ([x0, x1]: number[], u: number[]) => [x1 * u[0] - x0 * u[1], Math.cos(x0) * u[0]], { at }),
    says: ['expect(received).toHaveJvp('],
  },
  toHaveHessian: {
    pass: call('toHaveHessian', hess, { at }),
    fail: call(
      'toHaveHessian',
      ([x0, x1]: number[]) => [
        [x1, 2 * x0],
        [2 * x0, 6 * x1],
      ],
      { at },
    ),
    says: ['expect(received).toHaveHessian('],
  },
};

const received: Record<string, unknown> = {
  toHaveGradient: f2,
  toHaveDerivative: Math.sin,
  toBeAllClose: [1, 2],
  toHaveJacobian: layer,
  toHaveVjp: layer,
  toHaveJvp: layer,
  toHaveHessian: cubic,
};

/** The plain text of the assertion error `run` throws. */
function failureOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

const registered = Object.keys(gradcheckMatchers);

test('every registered matcher has a Jest case', () => {
  expect(registered.filter((name) => !(name in cases))).toEqual([]);
  expect(registered).toEqual(expect.arrayContaining(['toHaveGradient', 'toHaveDerivative', 'toBeAllClose']));
});

describe.each(registered.filter((name) => name in cases))('%s under Jest', (name) => {
  const c = cases[name];
  const subject = () => expect(received[name]);
  const not = () => (expect(received[name]) as unknown as { not: unknown }).not;

  test('passes for a right answer', () => {
    c.pass(subject());
  });

  test('fails for a wrong one with the readable report', () => {
    const text = failureOf(() => c.fail(subject()));
    for (const s of c.says) expect(text).toContain(s);
    expect(text.split('\n')[1]).toBe('');
  });

  test('.not inverts both', () => {
    c.fail(not());
    const text = failureOf(() => c.pass(not()));
    expect(text.split('\n')[0]).toContain(`expect(received).not.${name}(`);
  });
});
