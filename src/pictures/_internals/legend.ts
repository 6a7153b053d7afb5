import { AGREE_COLOR, KINK_COLOR, NOT_COMPARED_COLOR, RAMP_DECADES, UNRESOLVED_COLOR, rampStops } from './colorScale.js';
import { element, text } from './svg.js';
import { MARGIN, MUTED, SMALL_SIZE, WIDTH, textWidth } from './theme.js';

/** Which optional keys the legend shows (only those the picture uses, to keep it short). */
export interface LegendKeys {
  readonly notCompared: boolean;
  readonly kinks: boolean;
  readonly unresolved: boolean;
  readonly outlined: boolean;
}

/** The legend, placed: its SVG, its height, and the box of its colour ramp (for the tests). */
export interface Legend {
  readonly svg: string;
  readonly height: number;
  readonly ramp: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

const SWATCH = 12;
const RAMP_WIDTH = 150;
const RAMP_ID = 'gradcheck-ramp';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function swatch(x: number, y: number, fill: string, label: string, outline = false): { svg: string; width: number } {
  const box = element('rect', {
    x,
    y,
    width: SWATCH,
    height: SWATCH,
    fill,
    stroke: outline ? '#111111' : '#d0d7de',
    'stroke-width': outline ? 1.5 : 0.5,
  });
  const caption = text(x + SWATCH + 4, y + SWATCH - 2, label, { 'font-size': SMALL_SIZE + 1, fill: MUTED });
  return { svg: box + caption, width: SWATCH + 4 + textWidth(label, SMALL_SIZE + 1) + 12 };
}

function ramp(x: number, y: number): string {
  const stops = rampStops()
    .map((s) => element('stop', { offset: s.offset, 'stop-color': s.color }))
    .join('');
  const gradient = element('defs', {}, element('linearGradient', { id: RAMP_ID, x1: 0, x2: 1, y1: 0, y2: 0 }, stops));
  const bar = element('rect', { x, y, width: RAMP_WIDTH, height: SWATCH, fill: `url(#${RAMP_ID})` });
  const ticks: string[] = [];
  for (let k = 0; k <= RAMP_DECADES; k++) {
    const label = k === 0 ? '1' : k === 1 ? '10' : `${k === RAMP_DECADES ? '≥' : ''}10${SUPERSCRIPT[k]}`;
    const tx = x + (k / RAMP_DECADES) * RAMP_WIDTH;
    ticks.push(element('path', { d: `M${tx} ${y + SWATCH}v3`, stroke: MUTED, 'stroke-width': 1 }));
    ticks.push(text(tx, y + SWATCH + SMALL_SIZE + 3, label, { 'font-size': SMALL_SIZE, fill: MUTED, 'text-anchor': 'middle' }));
  }
  return gradient + bar + ticks.join('');
}

/**
 * The colour key, one row at height `top`: the "agrees" colour, the ramp of disagreement in
 * tolerances (1 … ≥10⁴, log-scaled), and, when present, not compared / kink / unresolved /
 * localised.
 *
 * @example
 * legend(48, { notCompared: false, kinks: true, unresolved: false, outlined: false }).height; // 34
 * @internal
 */
export function legend(top: number, keys: LegendKeys): Legend {
  const y = top + 4;
  const parts: string[] = [];
  let x = MARGIN;
  const agree = swatch(x, y, AGREE_COLOR, 'agrees');
  parts.push(agree.svg);
  x += agree.width;
  const rampLabel = 'disagrees: |a − n| in tolerances';
  parts.push(text(x, y + SWATCH - 2, rampLabel, { 'font-size': SMALL_SIZE + 1, fill: MUTED }));
  x += textWidth(rampLabel, SMALL_SIZE + 1) + 6;
  const rampBox = { x, y, width: RAMP_WIDTH, height: SWATCH };
  parts.push(ramp(x, y));
  x += RAMP_WIDTH + 16;
  let row = 0;
  const extra: [boolean, string, string, boolean][] = [
    [keys.notCompared, NOT_COMPARED_COLOR, 'not compared', false],
    [keys.kinks, KINK_COLOR, 'kink', false],
    [keys.unresolved, UNRESOLVED_COLOR, 'unresolved', false],
    [keys.outlined, AGREE_COLOR, 'localised', true],
  ];
  const secondRow = y + SWATCH + SMALL_SIZE + 10;
  for (const [show, fill, label, outline] of extra) {
    if (!show) continue;
    let item = swatch(x, row === 0 ? y : secondRow, fill, label, outline);
    if (x + item.width > WIDTH - MARGIN && row === 0) {
      // Extra keys wrap onto a second row, under the ramp's numbers, rather than leave the picture.
      row = 1;
      x = MARGIN;
      item = swatch(x, secondRow, fill, label, outline);
    }
    parts.push(item.svg);
    x += item.width;
  }
  const height = SWATCH + SMALL_SIZE + 12 + row * (SWATCH + 8);
  return { svg: element('g', { class: 'legend' }, parts.join('')), height, ramp: rampBox };
}
