import { MAX_OUTLIER_SHARE } from '../fit.js';
import { type Finding, finding } from '../finding.js';
import { fullyCompared } from '../scope.js';
import { entries, nameList, shapeText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { axisNoun } from './axes.js';
import { poolingRegion } from './pooling.js';
import { type GroupView, type Region, viewOf } from './regionView.js';

/** Whether a region holds every failing entry and is mostly failing (entries 0 on both sides aside), the rest agreeing. */
function fills(v: GroupView, r: Region, informative: (k: number) => boolean): boolean {
  for (const k of v.failing) if (!r.inside(k)) return false;
  const inside = v.compared.filter((k) => r.inside(k) && informative(k));
  if (!r.mayCoverAll && inside.length === v.compared.filter(informative).length) return false;
  return v.failing.size >= (1 - MAX_OUTLIER_SHARE) * inside.length;
}

const ORDINALS: Record<number, string> = { 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth' };

/** "0, 2 and 4" / "the first 2" / "the last one" for a set of axis indices. */
function indexText(set: readonly number[], length: number, noun: string): { text: string; border: boolean; step?: number } {
  const w = set.length;
  if (set.every((v, k) => v === k)) return { text: w === 1 ? `the first ${noun}` : `the first ${w} ${noun}s`, border: true };
  if (set.every((v, k) => v === length - w + k))
    return { text: w === 1 ? `the last ${noun}` : `the last ${w} ${noun}s`, border: true };
  const half = w / 2;
  if (w % 2 === 0 && set.slice(0, half).every((v, k) => v === k) && set.slice(half).every((v, k) => v === length - half + k))
    return { text: `the first and last ${half === 1 ? noun : `${half} ${noun}s`}`, border: true };
  const step = w >= 2 ? set[1] - set[0] : 0;
  if (w >= 2 && step >= 2 && set.every((v, k) => v === set[0] + k * step))
    return {
      text: `every ${ORDINALS[step] ?? `${step}th`} ${noun} (${noun}s ${set[0]}, ${set[0] + step}, …)`,
      border: false,
      step,
    };
  return { text: `${noun}s ${nameList(set.map(String))}`, border: false };
}

function axisRegions(v: GroupView): Region[] {
  const { shape } = v.group;
  const regions: Region[] = [];
  // A slice is evidence only with at least two wrong entries in each slice: one entry per index is no pattern.
  if (shape.length < 2) return regions;
  for (let d = shape.length - 1; d >= 0; d--) {
    const set = [...new Set([...v.failing].map((k) => v.idx(k)[d]))].sort((p, q) => p - q);
    if (set.length === 0 || set.length >= shape[d] || v.failing.size < 2 * set.length) continue;
    const noun = axisNoun(shape, d);
    const said = indexText(set, shape[d], noun);
    const has = new Set(set);
    const cause = said.border
      ? 'Padding or a boundary case: the contributions of windows that overlap the padding (or the first/last step) dropped or mis-indexed in the backward pass?'
      : said.step
        ? `A stride: stride ${said.step} ignored or misapplied in the backward pass, or overlapping windows overwriting each other's gradient (= instead of +=)?`
        : `A ${noun} index mixed up, or a loop bound off by one (a ${noun} skipped or counted twice)?`;
    regions.push({ where: `in ${said.text}`, cause, inside: (k) => has.has(v.idx(k)[d]) });
  }
  return regions;
}

function borderRegions(v: GroupView): Region[] {
  const { shape } = v.group;
  const r = shape.length;
  if (r < 2) return [];
  const [H, W] = [shape[r - 2], shape[r - 1]];
  const out: Region[] = [];
  for (let w = 1; 2 * w < Math.min(H, W); w++) {
    out.push({
      where: `on the border of width ${w} (the outer ${w === 1 ? 'ring' : `${w} rings`} of rows and columns)`,
      cause: `Padding: the contributions of windows that overlap the padding dropped or mis-indexed in the backward pass (the padding forgotten, or cropped off by one)?`,
      inside: (k) => {
        const idx = v.idx(k);
        const [i, j] = [idx[r - 2], idx[r - 1]];
        return i < w || i >= H - w || j < w || j >= W - w;
      },
    });
  }
  return out;
}

/**
 * A region the wrong entries of a tensor fill while the rest agree: the entries where the
 * numerical gradient is exactly 0 (gradient flowing where f has none), pooling windows whose
 * gradient went to the wrong position, a border of width w, or some slices along one axis (the
 * first or last ones, every s-th one, a few channels). Each named with what usually causes it.
 *
 * @example
 * // ReLU's mask left out of a backward pass:
 * regionDetector(input, x)?.message; // 'Wrong region of x (2×4×4): the 7 wrong entries are exactly where the numerical gradient is 0 …'
 */
export function regionDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  if (input.sparse || input.directions) return undefined;
  const v = viewOf(input, group);
  if (v.failing.size < 2) return undefined;
  const { analytic: a } = input;
  const informative = (k: number) => !(v.zero(k) && a[group.indices[k]] === 0);
  const zero: Region = {
    where: 'exactly where the numerical gradient is 0',
    cause:
      'Gradient flows where f has none: a missing ReLU mask (ReLU′ = 0 where its input is ≤ 0), max-pooling switches sending gradient to positions that did not win, or a dropout mask not applied in the backward pass?',
    inside: v.zero,
  };
  const zeroFits = [...v.failing].every(v.zero) && v.compared.some((k) => !v.zero(k));
  // Shapes need every entry: a sample of a tensor shows no border, slice or window.
  const whole = fullyCompared(input, group);
  const shapes = whole ? [...poolingRegion(input, v), ...borderRegions(v), ...axisRegions(v)] : [];
  const candidates = [...(zeroFits ? [zero] : []), ...shapes];
  const found = candidates.find((r) => r === zero || fills(v, r, informative));
  if (!found) return undefined;
  const count = v.failing.size;
  const right = v.compared.length - count;
  const rest = right === 0 ? 'no entry agrees' : `the other ${right} agree`;
  return finding({
    kind: 'region',
    paths: [group.name],
    message: `Wrong region of ${group.name} (${shapeText(group.shape)}): the ${entries(count)} that disagree lie ${found.where}; ${rest}. ${found.cause}`,
    evidence: `${group.name}: ${count} of ${v.compared.length} compared entries disagree, every one of them ${found.where}`,
    explained: count,
    failingCount: count,
  });
}
