/**
 * The full float32 run behind test/numerics/float32.test.ts: P7 (the MLP in float32) checked on
 * every coordinate at 20 seeded random θ with the default (inferred float32) settings, counting
 * false alarms, plus B1, B2 and B6 at θ0. About 20 s per full check (1 ms per call of f), so
 * ~8 minutes in all: a script, not a unit test (npm test samples 60 coordinates per θ).
 *
 *   npx tsx bench/float32.ts                 # every coordinate
 *   npx tsx bench/float32.ts --sample 1000   # 1 000 random coordinates per θ
 *
 * Exits with status 1 on a false alarm or a missed bug, so CI can run it.
 */
import { checkGradient } from '../src/index.js';
import { createRandom } from '../src/numeric/random.js';
import { flipSign, mlpFloat32, scaleByTwo, zeroB1 } from '../test/problems/index.js';

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
    if (!report.pass) falseAlarms++;
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
  print(
    `false alarms: ${falseAlarms} of ${points} θ (${checked} entries compared, ${unresolved} not judged); bugs missed: ${missedBugs.join(', ') || 'none'}`,
  );
  return { falseAlarms, unresolved, checked, missedBugs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--sample');
  const result = await runFloat32Bench({ sample: at > 0 ? Number(process.argv[at + 1]) : undefined });
  if (result.falseAlarms > 0 || result.missedBugs.length > 0) process.exitCode = 1;
}
