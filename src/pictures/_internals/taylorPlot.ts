import type { ConvergencePictureReport, PictureLadder } from '../input.js';
import { type LogScale, type PlotBox, logAxes, logScale } from './logAxis.js';
import { element, px, text } from './svg.js';
import { BODY_SIZE, INK, MARGIN, MUTED, SMALL_SIZE, WIDTH } from './theme.js';

/** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
const SERIES = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
/** A residual counts above round-off at this multiple of the noise floor (as `SIGNAL_OVER_NOISE` in numeric/convergence.ts). */
const SIGNAL_OVER_NOISE = 10;
const PLOT_HEIGHT = 250;

/** The plot, laid out: its SVG, height, and where each direction's points are drawn. */
export interface TaylorPlot {
  readonly svg: string;
  readonly height: number;
  readonly box: PlotBox;
  readonly points: readonly (readonly { x: number; y: number }[])[];
  /** Pixels per decade along each axis (to read slopes back from the drawing). */
  readonly decade: { readonly x: number; readonly y: number };
}

/**
 * An observed order as text: two decimals, or "∞ (round-off)" when no residual stood clear of round-off.
 *
 * @example
 * orderText(1.9987); // '2.00'
 * @internal
 */
export function orderText(order: number): string {
  if (order === Number.POSITIVE_INFINITY) return '∞ (round-off)';
  return Number.isFinite(order) ? order.toFixed(2) : 'n/a';
}

function seriesSvg(
  ladder: PictureLadder,
  color: string,
  x: LogScale,
  y: LogScale,
): { svg: string; points: { x: number; y: number }[] } {
  const points: { x: number; y: number }[] = [];
  const dots: string[] = [];
  ladder.steps.forEach((h, k) => {
    const r = ladder.residuals[k];
    // A zero residual has no place on a log axis (f was exactly linear there): it is left out.
    if (!(r > 0) || !(h > 0)) return;
    const p = { x: x.map(h), y: y.map(r) };
    points.push(p);
    const quiet = r <= SIGNAL_OVER_NOISE * ladder.noise;
    dots.push(
      element('circle', { cx: p.x, cy: p.y, r: 3.2, fill: quiet ? '#ffffff' : color, stroke: color, 'stroke-width': 1.5 }),
    );
  });
  const d = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p.x)} ${px(p.y)}`).join('');
  const line = d === '' ? '' : element('path', { d, fill: 'none', stroke: color, 'stroke-width': 1.8 });
  return { svg: line + dots.join(''), points };
}

/** Slope-1 and slope-2 reference lines through the first point of the first direction. */
function referenceLines(report: ConvergencePictureReport, x: LogScale, y: LogScale, box: PlotBox): string {
  const first = report.ladders.find((l) => l.residuals.some((r) => r > 0));
  if (!first) return '';
  const k0 = first.residuals.findIndex((r) => r > 0);
  const [h0, r0] = [first.steps[k0], first.residuals[k0]];
  const out: string[] = [];
  for (const slope of [1, 2]) {
    const hLo = 10 ** x.lo;
    const hHi = 10 ** x.hi;
    const at = (h: number) => r0 * (h / h0) ** slope;
    const d = `M${px(x.map(hLo))} ${px(y.map(at(hLo)))}L${px(x.map(hHi))} ${px(y.map(at(hHi)))}`;
    out.push(
      element('path', {
        d,
        stroke: '#8c959f',
        'stroke-width': 1.2,
        'stroke-dasharray': slope === 1 ? '6 4' : '2 3',
        fill: 'none',
      }),
    );
    // Label where the line leaves the plot at the bottom (or at its left end when it does not).
    const hAtBottom = h0 * (10 ** y.lo / r0) ** (1 / slope);
    const hLabel = Math.min(hHi, Math.max(hLo, hAtBottom));
    const lx = Math.min(box.right - 40, Math.max(box.left + 4, x.map(hLabel) + 4));
    const ly = Math.min(box.bottom - 4, Math.max(box.top + 12, y.map(at(hLabel)) - 4));
    out.push(text(lx, ly, `slope ${slope}`, { 'font-size': SMALL_SIZE, fill: '#6e7781' }));
  }
  return element('g', { 'clip-path': 'url(#gc-plot)' }, out.join(''));
}

/** The round-off band: below the largest floor a residual must clear to count. */
function noiseBand(report: ConvergencePictureReport, y: LogScale, box: PlotBox): string {
  const floor = Math.max(0, ...report.ladders.map((l) => SIGNAL_OVER_NOISE * l.noise));
  if (!(floor > 0)) return '';
  const top = Math.max(box.top, Math.min(box.bottom, y.map(floor)));
  return (
    element('rect', { x: box.left, y: top, width: box.right - box.left, height: box.bottom - top, fill: '#f3f4f6' }) +
    text(box.right - 4, Math.min(box.bottom - 4, top + SMALL_SIZE + 2), 'round-off', {
      'font-size': SMALL_SIZE,
      fill: '#8c959f',
      'text-anchor': 'end',
    })
  );
}

function seriesLegend(report: ConvergencePictureReport, top: number): { svg: string; height: number } {
  const out: string[] = [];
  const perRow = 3;
  const colWidth = (WIDTH - 2 * MARGIN) / perRow;
  report.ladders.forEach((l, k) => {
    const x = MARGIN + (k % perRow) * colWidth;
    const y = top + Math.floor(k / perRow) * (BODY_SIZE + 8) + BODY_SIZE;
    const color = SERIES[k % SERIES.length];
    out.push(element('path', { d: `M${x} ${y - 4}h18`, stroke: color, 'stroke-width': 2 }));
    out.push(text(x + 24, y, `direction ${k + 1}: order ${orderText(l.order)}`, { 'font-size': BODY_SIZE - 1, fill: INK }));
  });
  const rows = Math.ceil(report.ladders.length / perRow);
  const y = top + rows * (BODY_SIZE + 8) + SMALL_SIZE;
  out.push(
    text(MARGIN, y, 'Hollow points are at round-off level and not used for the fit. Order 2: correct gradient; 1: wrong.', {
      'font-size': SMALL_SIZE,
      fill: MUTED,
    }),
  );
  return { svg: out.join(''), height: y - top + 8 };
}

/**
 * The Taylor plot at height `top`: residual against step on log-log axes, one line per
 * direction (hollow points at round-off level), slope-1 and slope-2 reference lines, the
 * round-off band, and a legend with each direction's fitted order.
 *
 * @example
 * taylorPlot(convergenceReport, 48).height; // ≈ 340
 * @internal
 */
export function taylorPlot(report: ConvergencePictureReport, top: number): TaylorPlot {
  const box: PlotBox = { left: 64, top: top + 8, right: WIDTH - MARGIN - 8, bottom: top + 8 + PLOT_HEIGHT };
  const steps = report.ladders.flatMap((l) => l.steps);
  const residuals = report.ladders.flatMap((l) => [...l.residuals]);
  const x = logScale(steps, box.left, box.right);
  const y = logScale(residuals, box.bottom, box.top);
  const clip = element(
    'clipPath',
    { id: 'gc-plot' },
    element('rect', { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top }),
  );
  const series = report.ladders.map((l, k) => seriesSvg(l, SERIES[k % SERIES.length], x, y));
  const key = seriesLegend(report, box.bottom + 2 * SMALL_SIZE + 18);
  const svg =
    element('defs', {}, clip) +
    noiseBand(report, y, box) +
    logAxes(box, x, y, 'step h', 'residual |f(θ + h·d) − f(θ) − h·⟨g, d⟩|') +
    referenceLines(report, x, y, box) +
    series.map((s) => s.svg).join('') +
    key.svg;
  return {
    svg,
    height: box.bottom + 2 * SMALL_SIZE + 18 + key.height - top,
    box,
    points: series.map((s) => s.points),
    decade: { x: (box.right - box.left) / (x.hi - x.lo), y: (box.bottom - box.top) / (y.hi - y.lo) },
  };
}
