import { formatNumber } from '../../numeric/errors.js';
import type { PictureReport } from '../input.js';
import { text } from './svg.js';
import { BODY_SIZE, FAIL_INK, MARGIN, MUTED, PASS_INK, SMALL_SIZE, TITLE_SIZE } from './theme.js';

/** A tolerance as people write it: 1e-5 rather than 0.00001. */
function short(x: number): string {
  return x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential().replace(/\.?0+e/, 'e') : formatNumber(x);
}

/**
 * The one-line verdict of a report, also the picture's `<title>`.
 *
 * @example
 * headline(report); // 'Gradient check failed: 3 of 12 entries disagree'
 * @internal
 */
export function headline(report: PictureReport): string {
  const n = report.analytic.length;
  const wrong = report.mismatches.length;
  const fast = report.settings.mode === 'fast';
  if (report.pass) return fast ? 'Gradient check passed (fast mode)' : `Gradient check passed: all ${n} entries agree`;
  if (fast) return `Gradient check failed (fast mode): ${wrong} wrong coordinate${wrong === 1 ? '' : 's'} localised`;
  if (wrong === 0) return 'Gradient check failed';
  return `Gradient check failed: ${wrong} of ${n} entries disagree`;
}

/**
 * The header at the top of the picture: the verdict in green or red, then the settings, and
 * in fast mode what grey and outlined cells mean.
 *
 * @example
 * header(report).height; // 42
 * @internal
 */
export function header(report: PictureReport): { svg: string; height: number } {
  const { rtol, atol, mode } = report.settings;
  const out = [
    text(MARGIN, MARGIN + TITLE_SIZE, `${report.pass ? '✓' : '✗'} ${headline(report)}`, {
      'font-size': TITLE_SIZE,
      'font-weight': 'bold',
      fill: report.pass ? PASS_INK : FAIL_INK,
    }),
  ];
  let y = MARGIN + TITLE_SIZE + BODY_SIZE + 6;
  const colour = 'colour: |a − n| / (atol + rtol·max(|a|, |n|) + error of n)';
  out.push(
    text(MARGIN, y, `rtol ${short(rtol)} · atol ${short(atol)} · ${mode ?? 'full'} mode · ${colour}`, {
      'font-size': SMALL_SIZE + 1,
      fill: MUTED,
    }),
  );
  if (mode === 'fast') {
    y += SMALL_SIZE + 6;
    out.push(
      text(
        MARGIN,
        y,
        'Fast mode compares random directions, not entries: only the localised coordinates were compared one by one.',
        {
          'font-size': SMALL_SIZE + 1,
          fill: MUTED,
        },
      ),
    );
  }
  return { svg: out.join(''), height: y + 8 };
}
