import { checkGradient } from 'gradcheck';
import { describe, expect, test } from 'vitest';
import { AGREE_COLOR, KINK_COLOR, NOT_COMPARED_COLOR, rampStops } from '../../src/pictures/_internals/colorScale.js';
import { cellCenter } from '../../src/pictures/_internals/heatmap.js';
import { diagnosisTexts, layoutReport } from '../../src/pictures/_internals/reportLayout.js';
import type { PictureReport } from '../../src/pictures/input.js';
import { reportSvg } from '../../src/pictures/reportSvg.js';
import { type Pixels, isWarm, render, rgb, sameColor, withTensors } from './helpers.js';

const AGREE = rgb(AGREE_COLOR);

/** The colour at the centre of cell (r, c) of panel `p`. */
function cellColor(pixels: Pixels, report: PictureReport, p: number, r: number, c: number) {
  const { x, y } = cellCenter(layoutReport(report).panels[p].box, r, c);
  return pixels.at(x, y);
}

// f(W) = Σ cᵢⱼ·sin(Wᵢⱼ) with an asymmetric c: its gradient transposed is right on the diagonal only.
const C = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];
const W0 = [
  [0.1, 0.2, 0.3, 0.4],
  [0.5, 0.6, 0.7, 0.8],
  [0.9, 1.0, 1.1, 1.2],
  [1.3, 1.4, 1.5, 1.6],
];
const sinSum = (W: number[][]) => W.reduce((s, row, i) => s + row.reduce((t, w, j) => t + C[i][j] * Math.sin(w), 0), 0);
const sinGrad = (W: number[][]) => W.map((row, i) => row.map((w, j) => C[i][j] * Math.cos(w)));
const transposed = (W: number[][]) => W.map((row, i) => row.map((_, j) => C[j][i] * Math.cos(W[j][i])));

// A layer y = tanh(W1·x + b1), loss ½‖W2·y + b2‖².
type Net = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
const x = [0.5, -1, 2];
const net: Net = {
  W1: [
    [0.1, -0.2, 0.3],
    [0.4, 0.5, -0.6],
    [-0.7, 0.8, 0.9],
    [0.2, 0.1, -0.3],
  ],
  b1: [0.1, 0.2, -0.1, 0.05],
  W2: [
    [0.3, -0.1, 0.2, 0.4],
    [-0.5, 0.6, 0.1, -0.2],
  ],
  b2: [0.05, -0.05],
};
function forward(t: Net) {
  const h = t.W1.map((row, i) => Math.tanh(row.reduce((s, w, j) => s + w * x[j], t.b1[i])));
  const out = t.W2.map((row, i) => row.reduce((s, w, j) => s + w * h[j], t.b2[i]));
  return { h, out };
}
const loss = (t: Net) => forward(t).out.reduce((s, o) => s + 0.5 * o * o, 0);
function backprop(t: Net, zeroBias = false): Net {
  const { h, out } = forward(t);
  const W2 = out.map((o) => h.map((hj) => o * hj));
  const dh = h.map((_, j) => out.reduce((s, o, i) => s + o * t.W2[i][j], 0) * (1 - h[j] * h[j]));
  const W1 = dh.map((d) => x.map((xj) => d * xj));
  return { W1, b1: zeroBias ? dh.map(() => 0) : dh, W2, b2: out };
}

describe('reportSvg', () => {
  test('a transposed square matrix: the wrong cells (off the diagonal) differ in colour from the right ones (on it)', () => {
    const report = withTensors(checkGradient(sinSum, transposed, { at: W0 }), W0);
    expect(report.pass).toBe(false);
    const pixels = render(reportSvg(report));
    for (let i = 0; i < 4; i++) {
      expect(sameColor(cellColor(pixels, report, 0, i, i), AGREE)).toBe(true);
      for (let j = 0; j < 4; j++) {
        if (i === j) continue;
        const color = cellColor(pixels, report, 0, i, j);
        expect(isWarm(color), `W[${i}][${j}] is ${color}`).toBe(true);
        expect(sameColor(color, cellColor(pixels, report, 0, i, i))).toBe(false);
      }
    }
  });

  test('a zeroed bias shows one strip of the "wrong" colour while the other tensors agree', () => {
    const report = withTensors(
      checkGradient(loss, (t: Net) => backprop(t, true), { at: net }),
      net,
    );
    expect(report.pass).toBe(false);
    const layout = layoutReport(report);
    expect(layout.panels.map((p) => p.tensor.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    const pixels = render(reportSvg(report));
    layout.panels.forEach((panel, p) => {
      const { rows, cols } = panel.box.grid;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const color = cellColor(pixels, report, p, r, c);
          if (panel.tensor.name === 'b1') expect(isWarm(color), `b1 cell ${c}`).toBe(true);
          else expect(sameColor(color, AGREE), `${panel.tensor.name}[${r}][${c}]`).toBe(true);
        }
      }
    });
    expect(layout.panels[1].box.grid.rows).toBe(1); // a strip
  });

  test('a correct gradient is uniformly "agree"-coloured: every pixel of every heatmap', () => {
    const report = withTensors(
      checkGradient(loss, (t: Net) => backprop(t), { at: net }),
      net,
    );
    expect(report.pass).toBe(true);
    const pixels = render(reportSvg(report));
    let counted = 0;
    for (const { box } of layoutReport(report).panels) {
      for (let y = box.y + 1; y < box.y + box.grid.rows * box.cell - 1; y++) {
        for (let x = box.x + 1; x < box.x + box.grid.cols * box.cell - 1; x++) {
          const color = pixels.at(x, y);
          // Cells are the agree colour; the only other pixels are the white lines between cells
          // (and their anti-aliased edges, a blend of the two: no channel below the agree colour's).
          expect(
            color.every((v, k) => v >= AGREE[k] - 2),
            `pixel (${x}, ${y}) is ${color}`,
          ).toBe(true);
          if (sameColor(color, AGREE)) counted++;
        }
      }
    }
    expect(counted).toBeGreaterThan(1000);
  });

  test('the legend is present: the agree swatch and the ramp from light orange to dark red', () => {
    const report = withTensors(
      checkGradient(loss, (t: Net) => backprop(t), { at: net }),
      net,
    );
    const svg = reportSvg(report);
    const { ramp } = layoutReport(report).legend;
    const pixels = render(svg);
    const stops = rampStops();
    expect(sameColor(pixels.at(ramp.x + 1, ramp.y + ramp.height / 2), rgb(stops[0].color))).toBe(true);
    const end = pixels.at(ramp.x + ramp.width - 1, ramp.y + ramp.height / 2);
    expect(isWarm(end) && end[0] < 180).toBe(true); // dark red
    expect(svg).toContain('agrees');
    expect(svg).toContain('in tolerances');
    // On a correct gradient the only warm pixels are the legend's.
    expect(isWarm(pixels.at(ramp.x + ramp.width / 2, ramp.y + ramp.height / 2))).toBe(true);
  });

  test('a tensor of 100 000 entries is aggregated into blocks that show their worst entry, and the SVG stays small', () => {
    const n = 100_000;
    const theta = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const f = (t: Float64Array) => t.reduce((s, v) => s + v * v, 0);
    const wrong = 54_321;
    const g = (t: Float64Array) => t.map((v, i) => (i === wrong ? 3 * v : 2 * v));
    const report = withTensors(checkGradient(f, g, { at: theta, mode: 'fast', seed: 1 }), theta);
    expect(report.mismatches.map((m) => m.index)).toEqual([wrong]);
    const svg = reportSvg(report);
    expect(svg.length).toBeLessThan(100_000);
    const [panel] = layoutReport(report).panels;
    const { grid } = panel.box;
    expect(grid.rows * grid.cols).toBeLessThanOrEqual(4096);
    expect(grid.blockCols).toBe(25);
    const cell = Math.floor(wrong / grid.blockCols);
    const pixels = render(svg);
    const { x, y } = cellCenter(panel.box, Math.floor(cell / grid.cols), cell % grid.cols);
    expect(isWarm(pixels.at(x, y))).toBe(true);
    // Fast mode: the entries it did not compare are grey.
    const other = cellCenter(panel.box, 0, 0);
    expect(sameColor(pixels.at(other.x, other.y), rgb(NOT_COMPARED_COLOR))).toBe(true);
  });

  test('a 400 × 250 matrix is drawn as 58 × 63 blocks of 7 × 4 entries (rows and columns aggregated)', () => {
    const shape = [400, 250];
    const size = 100_000;
    const analytic = new Float64Array(size).fill(1);
    const numeric = analytic.slice();
    numeric[3 * 250 + 249] = 2;
    const report: PictureReport = {
      pass: false,
      size,
      analytic,
      numeric,
      errorEstimates: new Float64Array(size),
      settings: { rtol: 1e-5, atol: 1e-8, mode: 'full' },
      mismatches: [{ path: 'W[3][249]', index: 3 * 250 + 249, absError: 1, tolerance: 2e-5 }],
      kinks: [],
      unresolved: [],
      hints: [],
      tensors: [{ name: 'W', shape, offset: 0, size }],
    };
    const [panel] = layoutReport(report).panels;
    expect([panel.box.grid.rows, panel.box.grid.cols, panel.box.grid.blockRows, panel.box.grid.blockCols]).toEqual([
      58, 63, 7, 4,
    ]);
    const pixels = render(reportSvg(report));
    const wrongCell = cellCenter(panel.box, 0, 62);
    expect(isWarm(pixels.at(wrongCell.x, wrongCell.y))).toBe(true);
    const fine = cellCenter(panel.box, 1, 62);
    expect(sameColor(pixels.at(fine.x, fine.y), AGREE)).toBe(true);
  });

  test('a kink is marked in its own colour and named in the notes', () => {
    const at = [0.5, 0, -0.3];
    const f = (t: number[]) => t.reduce((s, v) => s + Math.abs(v), 0);
    const g = (t: number[]) => t.map((v) => (v >= 0 ? 1 : -1));
    const report = withTensors(checkGradient(f, g, { at }), at);
    expect(report.kinks.map((k) => k.index)).toEqual([1]);
    const pixels = render(reportSvg(report));
    expect(sameColor(cellColor(pixels, report, 0, 0, 1), rgb(KINK_COLOR))).toBe(true);
    expect(sameColor(cellColor(pixels, report, 0, 0, 0), AGREE)).toBe(true);
    expect(reportSvg(report)).toContain('Kink');
  });

  test('fast mode outlines the localised coordinates among entries not compared', () => {
    const at = Array.from({ length: 20 }, (_, i) => i / 10);
    const f = (t: number[]) => t.reduce((s, v) => s + Math.sin(v), 0);
    const g = (t: number[]) => t.map((v, i) => (i === 13 ? -Math.cos(v) : Math.cos(v)));
    const report = withTensors(checkGradient(f, g, { at, mode: 'fast', seed: 3 }), at);
    expect(report.mismatches.map((m) => m.index)).toEqual([13]);
    const svg = reportSvg(report);
    expect(svg).toContain('Fast mode compares random directions');
    expect(svg).toContain('stroke="#111111"');
    const pixels = render(svg);
    expect(isWarm(cellColor(pixels, report, 0, 0, 13))).toBe(true);
    expect(sameColor(cellColor(pixels, report, 0, 0, 2), rgb(NOT_COMPARED_COLOR))).toBe(true);
  });

  test('without report.tensors the whole θ is one vector named θ; the diagnoses are captions', () => {
    const report = checkGradient(sinSum, transposed, { at: W0 });
    const { tensors: _, ...plain } = report as PictureReport;
    const layout = layoutReport(plain);
    expect(layout.panels.map((p) => [p.tensor.name, p.tensor.shape])).toEqual([['θ', [16]]]);
    const svg = reportSvg(plain);
    expect(diagnosisTexts(plain).length).toBeGreaterThan(0);
    expect(svg).toContain('DIAGNOSIS');
  });

  test('text is escaped, and the picture has a <title> and <desc>', () => {
    const at = { '<b>&"x"': [1, 2] };
    const report = withTensors(
      checkGradient(
        (t: typeof at) => t['<b>&"x"'][0] * t['<b>&"x"'][1],
        (t: typeof at) => ({ '<b>&"x"': [t['<b>&"x"'][1], 0] }),
        { at },
      ),
      at,
    );
    const svg = reportSvg(report);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).toMatch(/<title id="gc-title">Gradient check failed: 1 of 2 entries disagree<\/title>/);
    expect(svg).toMatch(/<desc id="gc-desc">[^<]+<\/desc>/);
    expect(() => render(svg)).not.toThrow();
  });

  test('a GradientReport is a PictureReport (types)', () => {
    const report = checkGradient(sinSum, sinGrad, { at: W0 });
    const input: PictureReport = report;
    expect(input.pass).toBe(true);
  });
});
