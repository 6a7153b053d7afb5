/**
 * The full float32 run behind test/numeric/float32.test.ts: P7 (the MLP in float32) checked on
 * every coordinate at 20 seeded random θ with the default (inferred float32) settings, counting
 * false alarms, plus B1, B2 and B6 at θ0. About 20 s per full check (1 ms per call of f), so
 * ~8 minutes in all: a script, not a unit test (npm test samples 60 coordinates per θ).
 *
 *   npx tsx bench/float32.ts                            # every coordinate
 *   npx tsx bench/float32.ts --sample 1000              # 1 000 random coordinates per θ
 *   npx tsx bench/float32.ts --points 3 --sample 20     # a quick look
 *
 * Exits with status 1 on a false alarm, a missed bug, or a share of entries not judged above
 * MAX_UNRESOLVED_SHARE (a check that passes by judging nothing proves nothing); with status 2
 * on an unknown argument or when nothing was checked.
 */
import { checkGradient } from '../src/index.js';
import { createRandom } from '../src/numeric/random.js';
import { flipSign, mlpFloat32, scaleByTwo, zeroB1 } from '../test/problems/index.js';
import { failLoudly, integerOptions, isMain } from './_internals/cli.js';

/**
 * The largest share of compared entries the correct P7 gradient may leave "not judged" (too
 * small for float32 differences to resolve) before the run fails: one in three, so a `pass`
 * rests on at least two judged entries for every one it could not judge.
 *
 * Measured (2026-12, float64 reference code, default float32 settings): every coordinate at the
 * 20 θ, 41 490 of 192 200 entries = 21.6 % (16.3 %–30.5 % per θ, θ0 the worst); `--sample 1000`
 * 21.2 %; `--sample 20` 26.3 % (400 entries, standard deviation ≈ 2 points). The bound sits
 * well above all three, so sampling noise does not trip it, and fails when a change makes the
 * checker give up on half again as many entries as it does today.
 */
export const MAX_UNRESOLVED_SHARE = 1 / 3;

/** θ for P7: θ0 for seed 0, otherwise uniform in [−0.2, 0.2] (the same points as the unit test). */
function p7Theta(theta0: Float32Array, seed: number): Float32Array {
  if (seed === 0) return theta0;
  const rng = createRandom(1000 + seed);
  return Float32Array.from({ length: theta0.length }, () => 0.4 * rng.next() - 0.2);
}

/** Summary of the run. */
export interface Float32BenchResult {
  readonly falseAlarms: number;
  readonly unresolved: number;
  readonly checked: number;
  /** unresolved / checked over the correct-gradient runs. */
  readonly unresolvedShare: number;
  readonly missedBugs: readonly string[];
}

/**
 * Runs the P7 float32 check at `points` θ (every coordinate unless `sample` is given).
 *
 * @example
 * const { falseAlarms } = await runFloat32Bench({ points: 20, sample: 1000 });
 */
export async function runFloat32Bench(
  options: { points?: number; sample?: number } = {},
  print: (line: string) => void = console.log,
): Promise<Float32BenchResult> {
  const p = mlpFloat32();
  const points = options.points ?? 20;
  let falseAlarms = 0;
  let unresolved = 0;
  let checked = 0;
  print(`## P7 in float32: the correct gradient at ${points} θ, ${options.sample ?? 'all'} coordinates each`);
  for (let seed = 0; seed < points; seed++) {
    const start = performance.now();
    const report = checkGradient(p.f, p.grad, { at: p7Theta(p.theta0, seed), sample: options.sample, seed });
    checked += report.checked;
    unresolved += report.unresolved.length;
    // A false alarm: a failed verdict, or any diagnosis (a named kink aside) of this correct gradient.
    if (!report.pass || report.diagnoses.some((d) => d.kind !== 'kink')) falseAlarms++;
    print(
      `θ #${seed}: ${report.pass ? 'pass' : 'FALSE ALARM'} · ${report.mismatches.length} mismatches · ${report.unresolved.length} not judged · ${report.evaluations} calls · ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  const missedBugs: string[] = [];
  for (const [name, bug] of [
    ['B1', flipSign],
    ['B2', scaleByTwo],
    ['B6', zeroB1(p.blocks)],
  ] as const) {
    const report = checkGradient(p.f, (t: Float32Array) => bug(p.grad(t)), { at: p.theta0 });
    if (report.pass) missedBugs.push(name);
    print(`${name} at θ0: ${report.pass ? 'MISSED' : 'caught'} (${report.mismatches.length} mismatches)`);
  }
  const unresolvedShare = checked === 0 ? Number.NaN : unresolved / checked;
  print(
    `false alarms: ${falseAlarms} of ${points} θ (${checked} entries compared, ${unresolved} not judged = ${(100 * unresolvedShare).toFixed(1)} %, bound ${(100 * MAX_UNRESOLVED_SHARE).toFixed(1)} %); bugs missed: ${missedBugs.join(', ') || 'none'}`,
  );
  return { falseAlarms, unresolved, checked, unresolvedShare, missedBugs };
}

/**
 * The verdict of a run, one line per reason it fails (empty when it passes).
 *
 * @example
 * const reasons = float32Failures(await runFloat32Bench({ points: 2, sample: 20 }));
 */
export function float32Failures(result: Float32BenchResult): string[] {
  const reasons: string[] = [];
  if (result.falseAlarms > 0) reasons.push(`${result.falseAlarms} false alarm(s) on the correct gradient`);
  if (result.missedBugs.length > 0) reasons.push(`bugs missed: ${result.missedBugs.join(', ')}`);
  if (!(result.unresolvedShare <= MAX_UNRESOLVED_SHARE))
    reasons.push(
      `${(100 * result.unresolvedShare).toFixed(1)} % of entries not judged, above the bound of ${(100 * MAX_UNRESOLVED_SHARE).toFixed(1)} %`,
    );
  return reasons;
}

if (isMain(import.meta.url)) {
  const script = 'bench/float32.ts';
  const { sample, points } = integerOptions(script, ['sample', 'points']);
  const result = await runFloat32Bench({ sample, points });
  if (result.checked === 0) failLoudly(`${script}: FAILED: no entry was checked, so nothing was proved`);
  const reasons = float32Failures(result);
  for (const reason of reasons) console.error(`${script}: FAILED: ${reason}`);
  process.exitCode = reasons.length > 0 ? 1 : 0;
}
