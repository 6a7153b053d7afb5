// Bad input that deserves a better message (issue: ecosystem and honesty).
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import 'gradcheck/vitest';

const loss = ({ W, b }: { W: number[][]; b: number[] }) => W.flat().reduce((s, w) => s + w * w, 0) + b[0] * b[1];
const grad = ({ W, b }: { W: number[][]; b: number[] }) => ({ W: W.map((r) => r.map((w) => 2 * w)), b: [b[1], b[0]] });
const at = {
  W: [
    [0.1, 0.2],
    [0.3, 0.4],
  ],
  b: [0.5, -0.6],
};

describe('messages that name the slip', () => {
  it('f and grad swapped: says they look swapped', () => {
    expect(() => checkGradient(grad as never, loss as never, { at })).toThrow(
      /grad returned one number, as a loss does: are f and grad swapped\? The loss comes first/,
    );
    expect(() => expect(grad).toHaveGradient(loss as never, { at })).toThrow(/are f and grad swapped\?/);
  });

  it('θ passed without { at }: says did you mean { at: θ }?', () => {
    expect(() => checkGradient(loss, grad, at as never)).toThrow(
      /^checkGradient: unknown option "W"; known options are at, .*; did you mean \{ at: θ \}\? \(the point θ goes in options\.at\)$/,
    );
  });

  it('f NaN at θ itself: says f(θ) itself is NaN, not a moved entry', () => {
    expect(() => checkGradient(() => Number.NaN, grad, { at })).toThrow(
      'checkGradient: f(θ) itself is NaN: f must be finite at the point checked; choose another point (options.at)',
    );
  });
});
