import { checkConvergence } from 'gradcheck';
import { describe, expect, test } from 'vitest';
import type { ConvergencePictureReport } from '../../src/pictures/input.js';
import { taylorPlot } from '../../src/pictures/_internals/taylorPlot.js';
import { convergenceSvg } from '../../src/pictures/convergenceSvg.js';
import { render } from './helpers.js';

const f = ([x, y]: number[]) => Math.sin(x) * Math.exp(y) + x * x * y;
const right = ([x, y]: number[]) => [Math.cos(x) * Math.exp(y) + 2 * x * y, Math.sin(x) * Math.exp(y) + x * x];
const wrong = ([x, y]: number[]) => [Math.cos(x) * Math.exp(y) + 2 * x * y, 1.01 * (Math.sin(x) * Math.exp(y) + x * x)];

/** Slope of the drawn line of direction 0 between points i and j, read back in decades of r per decade of h. */
function drawnSlope(report: ConvergencePictureReport, i: number, j: number): number {
  const plot = taylorPlot(report, 0);
  const pts = plot.points[0];
  const [a, b] = [pts.at(i), pts.at(j)];
  if (!a || !b) throw new Error('no such point');
  return (a.y - b.y) / plot.decade.y / ((b.x - a.x) / plot.decade.x);
}

describe('convergenceSvg', () => {
  test('the drawn lines have the fitted slopes: 2 for a correct gradient, 1 for a wrong one; reference lines and orders labelled', () => {
    const good = checkConvergence(f, right, { at: [0.3, 0.2] });
    const bad = checkConvergence(f, wrong, { at: [0.3, 0.2] });
    expect([good.pass, bad.pass]).toEqual([true, false]);
    // The picture shows what the numbers say: slope 2 for the right gradient, 1 for the wrong one (small h).
    expect(drawnSlope(good, 1, 3)).toBeCloseTo(2, 1);
    expect(drawnSlope(bad, -3, -1)).toBeCloseTo(1, 1);
    const svg = convergenceSvg(good);
    expect(svg).toContain('Taylor test passed: order 2.00');
    expect(svg).toContain('slope 1');
    expect(svg).toContain('slope 2');
    expect(svg).toContain('direction 3: order');
  });

  test('a wrong gradient: the verdict, the fitted orders and the diagnosis; it renders', () => {
    const bad = checkConvergence(f, wrong, { at: [0.3, 0.2] });
    const svg = convergenceSvg(bad);
    expect(svg).toMatch(/<title id="gc-title">Taylor test failed: order 1\.00/);
    expect(svg).toContain('DIAGNOSIS');
    const pixels = render(svg);
    const plot = taylorPlot(bad, 0);
    expect(pixels.width).toBe(600);
    expect(plot.points[0].length).toBeGreaterThan(4);
  });
});
