/**
 * f's own speed inside a full check against the caller's own loop (API.md, "One measurement
 * for every check": the check must not make f slower than it is in the caller's loop). The f
 * is the kind that suffered from holey copies (issue 19: 2.6× slower inside the check): a
 * map/reduce loss over a nested `number[][]`. The same f object is timed per call in both
 * places (the time inside f only, by the same wrapper), over alternating rounds; the target
 * is the median per-call ratio check / caller ≤ TARGET_RATIO.
 *
 *   npx tsx bench/callSpeed.ts              # 5 rounds
 */
import { checkGradient } from '../src/index.js';
import { integerOptions, isMain } from './_internals/cli.js';
import { median, table } from './_internals/measure.js';

/** Target: f per call inside the check / in the caller's loop. */
export const TARGET_RATIO = 1.05;
/** Rounds by default (odd: the median is one measured round). */
export const ROUNDS = 5;
/** θ is ROWS × COLS: 2·ROWS·COLS calls of f per full check. */
const ROWS = 60;
const COLS = 60;

/** The loss: Σ over rows of Σ v², written as a user writes it (map and reduce). */
const loss = (theta: number[][]) => theta.map((row) => row.reduce((s, v) => s + v * v, 0)).reduce((a, b) => a + b, 0);
const grad = (theta: number[][]) => theta.map((row) => row.map((v) => 2 * v));

/** The caller's θ: a literal-like nested array, as a user builds it. */
function callerTheta(): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const row: number[] = [];
    for (let j = 0; j < COLS; j++) row.push(Math.sin(0.3 * i + 0.7 * j) + 0.5);
    out.push(row);
  }
  return out;
}

/** The same f timed per call: the time spent inside it only. */
function timedLoss() {
  let spent = 0;
  let calls = 0;
  const f = (theta: number[][]) => {
    const start = performance.now();
    const value = loss(theta);
    spent += performance.now() - start;
    calls++;
    return value;
  };
  const reset = () => {
    spent = 0;
    calls = 0;
  };
  return { f, perCall: () => spent / calls, reset };
}

/** The caller's own loop: the 2n central differences on the caller's θ. */
function callerLoop(f: (theta: number[][]) => number, theta: number[][]): void {
  for (const row of theta) {
    for (let j = 0; j < row.length; j++) {
      const x = row[j];
      row[j] = x + 1e-4;
      f(theta);
      row[j] = x - 1e-4;
      f(theta);
      row[j] = x;
    }
  }
}

/**
 * Runs the alternating rounds and prints the table; returns the median ratio and the verdict.
 *
 * @example
 * const { ratio, met } = runCallSpeedBench({ rounds: 3 });
 */
export function runCallSpeedBench(options: { rounds?: number } = {}, print = console.log): { ratio: number; met: boolean } {
  const rounds = options.rounds ?? ROUNDS;
  const timedF = timedLoss();
  const theta = callerTheta();
  // Warm-up for both: the JIT's first tiers belong to no round.
  callerLoop(timedF.f, theta);
  checkGradient(timedF.f, grad, { at: theta });
  const rows: string[][] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const inCheck = () => {
      timedF.reset();
      checkGradient(timedF.f, grad, { at: theta });
      return timedF.perCall();
    };
    const inCaller = () => {
      timedF.reset();
      callerLoop(timedF.f, theta);
      return timedF.perCall();
    };
    const [c, u] = r % 2 === 0 ? [inCheck(), inCaller()] : (([uu, cc]) => [cc, uu])([inCaller(), inCheck()]);
    ratios.push(c / u);
    rows.push([`${r + 1}`, `${(1000 * c).toFixed(2)} µs`, `${(1000 * u).toFixed(2)} µs`, (c / u).toFixed(3)]);
  }
  print(`\n## f per call inside a full check vs the caller's loop (map/reduce over a ${ROWS}×${COLS} number[][])\n`);
  table(['round', 'inside the check', "caller's loop", 'ratio'], rows, print);
  const ratio = median(ratios);
  const met = ratio <= TARGET_RATIO;
  print(`target: median ratio ≤ ${TARGET_RATIO} — ${met ? 'met' : 'NOT met'} (${ratio.toFixed(3)})`);
  return { ratio, met };
}

if (isMain(import.meta.url)) {
  const { rounds } = integerOptions('bench/callSpeed.ts', ['rounds']);
  process.exitCode = runCallSpeedBench({ rounds }).met ? 0 : 1;
}
