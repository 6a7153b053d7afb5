import { describe, expect, it } from 'vitest';
import { GradcheckError, checkGradient } from 'gradcheck';
import { thrownBy } from '../thrown.js';

const f = (t: number[]) => t[0] * t[0] + t[1];
const g = (t: number[]) => [2 * t[0], 1];
const at = [0.5, 2];

/** Calls `run` and returns the GradcheckError's message (failing if anything else is thrown). */
const errorOf = (run: () => unknown): string => thrownBy(run, GradcheckError).message;

describe('bad input to checkGradient is a clear GradcheckError', () => {
  it.each([
    [
      'f is not a function',
      () => checkGradient(42 as never, g, { at }),
      'checkGradient: f (the function under test) must be a function, but got number',
    ],
    [
      'grad is missing',
      () => checkGradient(f, undefined as never, { at }),
      'checkGradient: grad must be a function of θ or a gradient value, but got undefined',
    ],
    [
      'options are missing',
      () => checkGradient(f, g, undefined as never),
      'checkGradient: options must be an object with the point θ as options.at',
    ],
    [
      'at is missing',
      () => checkGradient(f, g, {} as never),
      'checkGradient: options.at is required (the point θ at which to check)',
    ],
    ['at is empty', () => checkGradient(f, g, { at: [] }), 'checkGradient: options.at is empty; there is nothing to check'],
    [
      'θ holds NaN',
      () => checkGradient(f, g, { at: [1, Number.NaN] }),
      'checkGradient: options.at must be finite, but [1] is NaN',
    ],
    [
      'θ holds Infinity in a tree',
      () => checkGradient(f as never, g as never, { at: { W: [[1, Number.POSITIVE_INFINITY]] } }),
      'checkGradient: options.at must be finite, but W[0][1] is Infinity',
    ],
    [
      'θ holds a string',
      () => checkGradient(f, g, { at: [1, '2'] as never }),
      'checkGradient: options.at → [1]: [1] is the string "2"',
    ],
    ['an unknown option', () => checkGradient(f, g, { at, rtoll: 1 } as never), 'checkGradient: unknown option "rtoll"'],
    [
      'a bad method',
      () => checkGradient(f, g, { at, method: 'centre' } as never),
      "checkGradient: options.method must be one of 'central', 'forward', 'backward', 'richardson'",
    ],
    [
      'a negative rtol',
      () => checkGradient(f, g, { at, rtol: -1 }),
      'checkGradient: options.rtol must be a finite number ≥ 0, but got -1',
    ],
    [
      'a zero step',
      () => checkGradient(f, g, { at, step: 0 }),
      'checkGradient: options.step must be a finite number > 0, but got 0',
    ],
  ])('%s', (_, run, message) => {
    expect(errorOf(run)).toContain(message);
  });

  it('f returning a non-number names what it returned and where', () => {
    expect(errorOf(() => checkGradient(() => [1] as never, g, { at }))).toBe(
      'checkGradient: f must return a number, but returned an array of length 1 with [0] moved by +0.0001',
    );
    expect(errorOf(() => checkGradient(() => 'x' as never, g, { at }))).toContain(
      'f must return a number, but returned the string "x"',
    );
    expect(errorOf(() => checkGradient((async () => 1) as never, g, { at }))).toContain(
      'returned a Promise (f must be synchronous)',
    );
  });

  it('f returning NaN or ±Infinity names the coordinate and the direction', () => {
    const cliff = (t: number[]) => (t[1] < 0 ? Number.NEGATIVE_INFINITY : t[0] + t[1]);
    expect(errorOf(() => checkGradient(cliff, [1, 1], { at: [1, 0] }))).toBe(
      'checkGradient: f returned -Infinity with [1] moved by −0.0001; f must be finite in a neighbourhood of θ (choose another point, a smaller step, or bounds for this parameter)',
    );
    const nanAbove = (t: number[]) => (t[0] > 0.5 ? Number.NaN : t[0]);
    expect(errorOf(() => checkGradient(nanAbove, [1, 0], { at }))).toContain('f returned NaN with [0] moved by +0.0001');
  });

  it('a gradient of the wrong structure names the path that differs', () => {
    expect(errorOf(() => checkGradient(f, [1, 2, 3], { at }))).toBe('checkGradient: θ has 2 entries, gradient has 3');
    const theta = {
      W1: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
        [1, 2, 3],
        [4, 5, 6],
      ],
      b2: [1, 2],
    };
    const h = () => 0;
    // A missing key is a compile error too (GradientLike); the cast checks the run-time message.
    expect(errorOf(() => checkGradient(h, { W1: theta.W1 } as never, { at: theta }))).toBe(
      'checkGradient: gradient is missing b2',
    );
    const transposed = [
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
    ];
    expect(errorOf(() => checkGradient(h, { W1: transposed, b2: [0, 0] }, { at: theta }))).toBe(
      'checkGradient: W1 has 5×3 entries, gradient W1 has 3×5 (transposed?)',
    );
  });

  it('NaN in the gradient is not bad input but a failed check naming the entry (API.md, third round: non-finite)', () => {
    const report = checkGradient(f, () => [1, Number.NaN], { at });
    expect(report.pass).toBe(false);
    expect(report.diagnoses.find((d) => d.kind === 'non-finite')?.paths).toEqual(['[1]']);
  });

  it('a grad that returns nothing is named', () => {
    expect(errorOf(() => checkGradient(f, () => undefined as never, { at }))).toContain('grad returned undefined');
  });
});

describe('bad input to the matcher fails under .not too', () => {
  it('throws the same message from toHaveGradient and .not.toHaveGradient', () => {
    expect(() => expect(f).toHaveGradient(g, {} as never)).toThrow(
      'toHaveGradient: options.at is required (the point θ at which to check)',
    );
    expect(() => expect(f).not.toHaveGradient(g, {} as never)).toThrow('toHaveGradient: options.at is required');
    expect(() => expect('nope').toHaveGradient(g, { at })).toThrow(
      'toHaveGradient: f (the function under test) must be a function, but got string',
    );
    expect(() => expect(f).not.toHaveGradient([1], { at })).toThrow('toHaveGradient: θ has 2 entries, gradient has 1');
  });

  it('toHaveDerivative insists on a number θ', () => {
    expect(() => expect(Math.sin).toHaveDerivative(Math.cos, { at: [1] } as never)).toThrow(
      'toHaveDerivative: options.at must be a number',
    );
  });
});
