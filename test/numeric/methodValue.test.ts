import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { fdm } from '../../src/numeric/methods/index.js';

/** A fourth-order central method, defined as a value: adding a method touches no other file. */
const fourthOrder = fdm([-2, -1, 1, 2], { name: 'fourth-order central' });

const f = ([x, y, z]: number[]) => Math.sin(x) * Math.exp(y) + z ** 3;
const grad = ([x, y, z]: number[]) => [Math.cos(x) * Math.exp(y), Math.sin(x) * Math.exp(y), 3 * z ** 2];
const at = [0.4, -0.3, 1.2];

describe('a full check with a method value', () => {
  it('passes a correct gradient in exactly 4n calls, and reports the method by name', () => {
    const report = checkGradient(f, grad, { at, method: fourthOrder });
    expect(report.pass).toBe(true);
    expect(report.evaluations).toBe(4 * at.length);
    expect(`${report.settings.method}`).toBe('fourth-order central');
  });

  it('fails a wrong gradient and names the wrong entry', () => {
    const wrong = (t: number[]) => {
      const g = grad(t);
      g[1] *= 1 + 1e-3;
      return g;
    };
    const report = checkGradient(f, wrong, { at, method: fourthOrder });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.index)).toEqual([1]);
  });
});
