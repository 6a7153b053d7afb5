/**
 * The layer bugs of ./layers.ts as rates over seeds (issue 20, "Done when": each bug class's rate
 * in checkVjp): each bug checked at `seeds` points, named when a diagnosis of the expected kind
 * is on the expected tensor, wrong when a diagnosis sits on a tensor whose VJP is right.
 */
import { checkVjp } from 'gradcheck';
import type { Diagnosis, GradientReport } from 'gradcheck';
import { onRightTensor } from './gridRates.js';
import {
  type Conv,
  type ConvBugs,
  convVjpCheck,
  type Map3,
  dropMask,
  dropout,
  dropoutVjp,
  featureMap,
  kernel,
  pool,
  poolVjp,
  relu,
  reluVjp,
} from './layers.js';

/** One layer bug: its check at a seed, and what naming it means. */
export interface LayerBug {
  readonly name: string;
  readonly check: (seed: number) => GradientReport;
  readonly names: (d: Diagnosis) => boolean;
}

function conv(bugs: ConvBugs, seed: number, g = { stride: 1, pad: 1 }, shape = { C: 2, H: 6, W: 6, O: 2, kh: 3, kw: 3 }) {
  const at: Conv = {
    x: featureMap(shape.C, shape.H, shape.W, seed),
    K: kernel(shape.O, shape.C, shape.kh, shape.kw, seed + 101),
    b: Array.from({ length: shape.O }, (_, o) => 0.1 * (o + 1)),
  };
  return convVjpCheck(bugs, at, g, seed) as GradientReport;
}

const on = (d: Diagnosis, kind: string, path: string) => d.kind === kind && d.paths.length === 1 && d.paths[0] === path;

/** The layer bugs of issue 20 with their expected names. */
export const LAYER_BUGS: readonly LayerBug[] = [
  {
    name: 'kernel rotated 180°',
    check: (s) => conv({ rotateKernel: true }, s),
    names: (d) => on(d, 'layout', 'K') && d.message.includes('rotated 180°'),
  },
  { name: 'kernel taps transposed', check: (s) => conv({ transposeTaps: true }, s), names: (d) => on(d, 'transposed', 'K') },
  {
    name: 'padded windows dropped',
    check: (s) => conv({ dropPaddedWindows: true }, s),
    names: (d) => on(d, 'region', 'x') && d.message.includes('border'),
  },
  { name: 'x̄ shifted by one column', check: (s) => conv({ shiftInput: true }, s), names: (d) => on(d, 'shifted', 'x') },
  {
    name: 'stride 2, overlapping windows overwritten',
    check: (s) => conv({ overwrite: true }, s, { stride: 2, pad: 0 }, { C: 2, H: 5, W: 7, O: 1, kh: 1, kw: 3 }),
    names: (d) => on(d, 'region', 'x') && d.message.includes('every second column'),
  },
  {
    name: 'max-pool switch at the wrong position',
    check: (s) =>
      checkVjp(
        (t: Map3) => pool(t, 2, 'max'),
        (t: Map3, y: Map3) => poolVjp(t, y, 2, 'max', { firstPosition: true }),
        { at: featureMap(2, 4, 4, s), seed: s },
      ) as GradientReport,
    names: (d) => on(d, 'region', 'θ') && d.message.includes('pooling windows'),
  },
  {
    name: 'ReLU mask left out',
    check: (s) =>
      checkVjp(relu, (t: Map3, y: Map3) => reluVjp(t, y, true), { at: featureMap(2, 4, 4, s), seed: s }) as GradientReport,
    names: (d) => on(d, 'region', 'θ') && d.message.includes('ReLU mask'),
  },
  {
    name: 'dropout mask left out',
    check: (s) => {
      const x = featureMap(2, 4, 4, s);
      const mask = dropMask(x, s + 7);
      return checkVjp(
        (t: Map3) => dropout(t, mask),
        (_t: Map3, y: Map3) => dropoutVjp(y, mask, true),
        { at: x, seed: s },
      ) as GradientReport;
    },
    names: (d) => on(d, 'region', 'θ') && d.message.includes('dropout'),
  },
];

/**
 * A layer bug over `seeds` seeds: how many checks failed, named it, or named a right tensor.
 *
 * @example
 * layerRates(LAYER_BUGS[0], 20); // { checks: 20, failed: 20, named: 20, wrong: 0 }
 */
export function layerRates(bug: LayerBug, seeds: number): { checks: number; failed: number; named: number; wrong: number } {
  let failed = 0;
  let named = 0;
  let wrong = 0;
  for (let s = 0; s < seeds; s++) {
    const r = bug.check(s);
    if (!r.pass) failed++;
    if (r.diagnoses.some(bug.names)) named++;
    if (r.diagnoses.some((d) => onRightTensor(r, d))) wrong++;
  }
  return { checks: seeds, failed, named, wrong };
}
