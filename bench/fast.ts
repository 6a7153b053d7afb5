/**
 * Benchmark of fast mode on P4 (PROBLEMS.md); the full check's overhead over a bare loop is
 * bench/overhead.ts.
 * - P4-large (102 538 parameters): fast mode on the correct gradient and on bugs B1 and B6:
 *   evaluations as a share of the 2n a full check needs (target: under 1 %), time, and the
 *   coordinates localised by path.
 * - Fast mode's detection probability for a single wrong entry, measured over seeds against
 *   the documented formula (`detectionProbability`), and for B5 on P4-small.
 * Peak heap is sampled every 64 calls of f during each run.
 */
import { checkGradient } from '../src/index.js';
import { DEFAULT_DIRECTIONS, detectionProbability } from '../src/check/fast.js';
import { b1Index, b5Index, flipSign, mlp, nudgeMiddle, withBug, zeroB1 } from '../test/problems/index.js';
import { isMain } from './_internals/cli.js';
import { countingF, mb, sec, table, timed } from './_internals/measure.js';

function fastOnLarge(): void {
  const p = mlp('large');
  const full = 2 * p.n;
  const cases = [
    ['correct', p.grad],
    [`B1 (sign of [${b1Index(p.n)}])`, withBug(p.grad, flipSign)],
    ['B6 (b1 zeroed)', withBug(p.grad, zeroB1(p.blocks))],
  ] as const;
  console.log(
    `\n## P4-large (n = ${p.n}): fast mode (${DEFAULT_DIRECTIONS} directions) against the ${full} evaluations of a full check\n`,
  );
  const rows: string[][] = [];
  const localised: string[] = [];
  for (const [name, grad] of cases) {
    const sampler = countingF(p.f);
    sampler.reset();
    const run = timed(() => checkGradient(sampler.f, grad, { at: p.theta0, mode: 'fast' }));
    const r = run.value;
    rows.push([
      name,
      r.pass ? 'pass' : 'fail',
      String(r.evaluations),
      `${((100 * r.evaluations) / full).toFixed(3)} %`,
      sec(run.ms),
      sec(run.cpu),
      mb(sampler.peak()),
    ]);
    if (!r.pass) {
      const note = /Localised by group testing[^\n]*/.exec(r.message)?.[0] ?? '';
      localised.push(
        `${name}: ${r.mismatches
          .map((m) => m.path)
          .slice(0, 10)
          .join(', ')}${r.mismatches.length > 10 ? ', …' : ''}\n    ${note}`,
      );
    }
  }
  table(['gradient', 'verdict', 'evaluations', 'of 2n', 'wall time', 'CPU time', 'peak heap'], rows);
  console.log('\nlocalised:');
  for (const l of localised) console.log(`  ${l}`);
  console.log(`(b1 is flat entries ${p.blocks.b1[0]}…${p.blocks.b1[1] - 1}.)`);
}

function detection(): void {
  console.log('\n## Fast mode: probability of catching one wrong entry (error ρ·‖g‖₂), measured over 200 seeds\n');
  const n = 2000;
  const c = Float64Array.from({ length: n }, (_, i) => Math.sin(0.37 * (i + 1)) / Math.sqrt(n));
  const f = (t: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i] * t[i] + 0.5 * t[i] * t[i];
    return s;
  };
  const theta = new Float64Array(n).fill(0.001);
  const g0 = Float64Array.from(theta, (v, i) => c[i] + v);
  const norm = Math.hypot(...g0);
  const rtol = 1e-5;
  const rows: string[][] = [];
  for (const k of [1, 3, DEFAULT_DIRECTIONS]) {
    for (const rho of [1e-6, 3e-6, 1e-5]) {
      const grad = (t: Float64Array) => {
        const g = Float64Array.from(t, (v, i) => c[i] + v);
        g[1234] += rho * norm;
        return g;
      };
      let caught = 0;
      const seeds = 200;
      for (let seed = 0; seed < seeds; seed++)
        if (!checkGradient(f, grad, { at: theta, mode: 'fast', directions: k, seed }).pass) caught++;
      rows.push([String(k), rho.toExponential(0), (caught / seeds).toFixed(3), detectionProbability(rho, rtol, k).toFixed(3)]);
    }
  }
  table(['directions', 'ρ', 'measured', 'formula 1 − (1 − erf(ρ/(rtol√2)))ᵏ'], rows);

  const p = mlp('small');
  const g = p.grad(p.theta0);
  const k5 = b5Index(p.n);
  const rho = (1e-3 * Math.abs(g[k5])) / Math.hypot(...g);
  let caught = 0;
  let named = 0;
  const seeds = 20;
  const bug = withBug(p.grad, nudgeMiddle);
  for (let seed = 0; seed < seeds; seed++) {
    const r = checkGradient(p.f, bug, { at: p.theta0, mode: 'fast', seed });
    if (!r.pass) caught++;
    if (r.mismatches.some((m) => m.index === k5)) named++;
  }
  console.log(
    `\nB5 on P4-small (entry [${k5}] × (1 + 1e-3), ρ = ${rho.toExponential(2)}), ${DEFAULT_DIRECTIONS} directions: caught on ${caught}/${seeds} seeds, localised to [${k5}] on ${named}; formula ${detectionProbability(rho, 1e-5, DEFAULT_DIRECTIONS).toFixed(3)}.`,
  );
}

/**
 * Runs and prints the fast-mode sections: P4-large, then detection probabilities.
 *
 * @example
 * runFastBench();
 */
export function runFastBench(): void {
  fastOnLarge();
  detection();
}

if (isMain(import.meta.url)) {
  runFastBench();
  console.log(`\nprocess peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
