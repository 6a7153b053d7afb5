// The guard stage is one stage for every check: non-determinism of f, writes into θ by f or by
// the function under test, and non-finite values fire in checkGradient, checkJacobian, checkVjp,
// checkJvp and checkHessian alike, with the same wording (fast mode: test/check/fast.test.ts).
import { checkGradient, checkHessian, checkJacobian, checkJvp, checkVjp, type GradientReport } from 'gradcheck';
import { describe, expect, it } from 'vitest';

const at = [0.3, -0.7];
/** A smooth scalar f and its derivatives. */
const f = ([x, y]: number[]) => x * x * y + Math.sin(y);
const grad = ([x, y]: number[]) => [2 * x * y, x * x + Math.cos(y)];
const hess = ([x, y]: number[]) => [
  [2 * y, 2 * x],
  [2 * x, -Math.sin(y)],
];
/** A smooth vector g and its Jacobian. */
const g = ([x, y]: number[]) => [x * y, Math.exp(x) - y];
const jac = ([x, y]: number[]) => [
  [y, x],
  [Math.exp(x), -1],
];
const vjp = (t: number[], yBar: number[]) => {
  const J = jac(t);
  return [J[0][0] * yBar[0] + J[1][0] * yBar[1], J[0][1] * yBar[0] + J[1][1] * yBar[1]];
};
const jvp = (t: number[], u: number[]) => {
  const J = jac(t);
  return [J[0][0] * u[0] + J[0][1] * u[1], J[1][0] * u[0] + J[1][1] * u[1]];
};

/** Noise of about 1e-3 on every call: dropout with live randomness. */
let state = 1;
const noise = () => {
  state = (state * 16807) % 2147483647;
  return 1e-3 * (state / 2147483647 - 0.5);
};
const noisyF = (t: number[]) => f(t) + noise();
const noisyG = (t: number[]) => g(t).map((v) => v + noise());

/** f that writes into the θ it was given (a normalisation done in place). */
const writing =
  <R>(h: (t: number[], ...rest: never[]) => R) =>
  (t: number[], ...rest: never[]): R => {
    const r = h(t, ...rest);
    t[1] = 42;
    return r;
  };

/** Each check with f (or g) and the function under test swapped in. */
const checks: Record<string, { run: (fs: unknown, under?: unknown) => GradientReport; under: string; correct: unknown }> = {
  checkGradient: { run: (fs, u = grad) => checkGradient(fs as typeof f, u as typeof grad, { at }), under: 'grad', correct: grad },
  checkJacobian: { run: (fs, u = jac) => checkJacobian(fs as typeof g, u as typeof jac, { at }), under: 'jac', correct: jac },
  checkVjp: { run: (fs, u = vjp) => checkVjp(fs as typeof g, u as typeof vjp, { at }), under: 'vjp', correct: vjp },
  checkJvp: { run: (fs, u = jvp) => checkJvp(fs as typeof g, u as typeof jvp, { at }), under: 'jvp', correct: jvp },
  checkHessian: { run: (fs, u = hess) => checkHessian(fs as typeof f, u as typeof hess, { at }), under: 'H', correct: hess },
};
const scalar = (name: string) => name === 'checkGradient' || name === 'checkHessian';

describe.each(Object.keys(checks))('the guards in %s', (name) => {
  const { run, under, correct } = checks[name];
  const plain = scalar(name) ? f : g;

  it('pass a correct implementation with no diagnosis', () => {
    const r = run(plain);
    expect(r.pass).toBe(true);
    expect(r.diagnoses).toEqual([]);
  });

  it('name a non-deterministic f, with the same sentence as every other check', () => {
    const r = run(scalar(name) ? noisyF : noisyG);
    expect(r.pass).toBe(false);
    expect(r.diagnoses[0].kind).toBe('nondeterministic');
    expect(r.diagnoses[0].message).toMatch(/^f is not deterministic: f\(θ\) returned .+ on \d calls at the same θ \(spread /);
    expect(r.hints[0]).toBe(r.diagnoses[0].message);
  });

  it('name an f that writes into θ', () => {
    const r = run(writing(plain as (t: number[]) => unknown));
    expect(r.pass).toBe(false);
    const d = r.diagnoses.find((x) => x.kind === 'mutates-input');
    expect(d?.message).toMatch(
      /^f mutates θ: f changed \[1\] from -0\.7 to 42 \(in the copy gradcheck passed it\)\. f must not write to its input/,
    );
  });

  it(`name a ${under} that writes into θ`, () => {
    const r = run(plain, writing(correct as (t: number[]) => unknown));
    expect(r.pass).toBe(false);
    const d = r.diagnoses.find((x) => x.kind === 'mutates-input');
    expect(d?.message).toMatch(new RegExp(`^${under} mutates θ: ${under} changed \\[1\\] from -0\\.7 to 42 `));
    expect(d?.paths).toEqual(['[1]']);
  });

  it('say that f(θ) itself is NaN, rather than blaming a step', () => {
    const nan = scalar(name) ? () => Number.NaN : () => [Number.NaN, 1];
    expect(() => run(nan)).toThrow(
      /: f\(θ\) itself is NaN.*: f must be finite at the point checked; choose another point \(options\.at\)/,
    );
  });

  it('name the moved entry when f is NaN only near θ', () => {
    const edge = (t: number[]) => (t[0] > 0.3 ? Number.NaN : (plain as (t: number[]) => number | number[])(t));
    expect(() => run(scalar(name) ? edge : (t: number[]) => (t[0] > 0.3 ? [Number.NaN, 0] : g(t)))).toThrow(
      /: f returned NaN( in out\[0\])? with .* moved by \+.*; f must be finite in a neighbourhood of θ/,
    );
  });
});
