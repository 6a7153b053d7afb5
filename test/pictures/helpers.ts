/**
 * Shared helpers of the picture tests: render an SVG to pixels with a real renderer (resvg),
 * read a pixel, compare colours, and give a report θ's tensors when it does not carry them yet.
 */
import { Resvg } from '@resvg/resvg-js';
import { flatten } from 'gradcheck';
import type { PictureReport } from '../../src/pictures/input.js';

export type Rgb = readonly [number, number, number];

/** A rendered picture: its size and the colour of any pixel. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  at(x: number, y: number): Rgb;
}

/**
 * Renders `svg` at 1 px per unit. System fonts are not loaded: the tests read colours of
 * cells and legend, not text, and this keeps rendering fast and the same on every machine.
 */
export function render(svg: string): Pixels {
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, background: 'white' }).render();
  const { width, height, pixels } = image;
  return {
    width,
    height,
    at(x, y) {
      const k = (Math.floor(y) * width + Math.floor(x)) * 4;
      return [pixels[k], pixels[k + 1], pixels[k + 2]];
    },
  };
}

/** '#cfe2f3' → [207, 226, 243]. */
export function rgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Whether two colours are equal up to rounding (±2 per channel). */
export function sameColor(a: Rgb, b: Rgb): boolean {
  return a.every((x, k) => Math.abs(x - b[k]) <= 2);
}

/** A warm colour (the "disagrees" ramp): red clearly above blue. */
export function isWarm([r, , b]: Rgb): boolean {
  return r - b > 40;
}

/** The report with θ's tensors added (reports that already carry them are returned unchanged). */
export function withTensors<R extends object>(
  report: R,
  theta: Parameters<typeof flatten>[0],
): R & Pick<PictureReport, 'tensors'> {
  if ('tensors' in report && report.tensors) return report as R & Pick<PictureReport, 'tensors'>;
  return { ...report, tensors: flatten(theta).tensors };
}
