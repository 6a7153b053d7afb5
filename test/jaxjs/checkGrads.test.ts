// checkGrads(f, args, { order, modes }): JAX's check_grads for jax-js. One report per mode and
// order, each from gradcheck's own checkJvp / checkVjp with its usual message; exact costs.
import { numpy as np } from '@jax-js/jax';
import { GradcheckError } from 'gradcheck';
import { checkGrads } from 'gradcheck/jaxjs';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveBuffers } from './census.js';
import { matrix, startJax, values } from './setup.js';

beforeAll(startJax);

type A = np.Array;

/** f(x, w) = tanh(x·w), counting its calls outside jax-js's tracing. */
function counted() {
  const calls = { n: 0 };
  const f = (x: A, w: A) => {
    calls.n++;
    return np.tanh(np.matmul(x, w));
  };
  return { f, calls };
}

describe('one report per mode and order', () => {
  it('order 1 (the default): JVP then VJP; the JVP costs 2 calls per tangent, the VJP 2n + 1', () => {
    const { f, calls } = counted();
    const [x, w] = [np.array(matrix(2, 3)), np.array(matrix(3, 2, 0.6))];
    const report = checkGrads(f, [x, w]);
    expect(report.checks.map((c) => [c.mode, c.order, c.name, c.report.pass])).toEqual([
      ['fwd', 1, 'JVP', true],
      ['rev', 1, 'VJP', true],
    ]);
    const [jvp, vjp] = report.checks.map((c) => c.report);
    expect(jvp.evaluations).toBe(2 * 3);
    expect(vjp.evaluations).toBe(2 * (6 + 6) + 1);
    expect(report.evaluations).toBe(6 + 25);
    // f itself is traced once more by each jvp and vjp call (3 tangents, 3 cotangents).
    expect(calls.n).toBe(report.evaluations + 3 + 3);
    x.dispose();
    w.dispose();
  });

  it("order 2, modes ['rev']: VJP and VJP of VJP; tangents and cotangents set the probes", () => {
    const [x, w] = [np.array(matrix(2, 3)), np.array(matrix(3, 2, 0.6))];
    const report = checkGrads(counted().f, [x, w], { order: 2, modes: ['rev'], cotangents: 1 });
    expect(report.checks.map((c) => [c.mode, c.order, c.name])).toEqual([
      ['rev', 1, 'VJP'],
      ['rev', 2, 'VJP of VJP'],
    ]);
    expect(report.checks.every((c) => c.report.pass)).toBe(true);
    const fwd = checkGrads(counted().f, [x, w], { order: 2, modes: ['fwd'], tangents: 2 });
    expect(fwd.checks.map((c) => [c.name, c.report.evaluations])).toEqual([
      ['JVP', 4],
      ['JVP of JVP', 4],
    ]);
    x.dispose();
    w.dispose();
  });

  it('a single Array is one argument; trees of arrays are arguments too (entries named by path)', () => {
    const x = np.array(values(3));
    expect(checkGrads((v: A) => np.sum(np.exp(v)), x).pass).toBe(true);
    const p = { W: np.array(matrix(2, 2)), b: np.array([0.1, 0.2]) };
    const f = (q: { W: A; b: A }) => np.tanh(np.matmul(q.W, q.b));
    const report = checkGrads(f, [p], { modes: ['rev'] });
    expect(report.pass).toBe(true);
    expect(report.checks[0].report.tensors.map((t) => [t.name, t.shape])).toEqual([
      ['[0].W', [2, 2]],
      ['[0].b', [2]],
    ]);
    x.dispose();
  });

  it('plain numbers become float32 Arrays, as np.array makes them, and are freed afterwards', async () => {
    const seen: string[] = [];
    const g = (v: A, s: A) => {
      if (typeof v.device === 'string') seen.push(`${v.dtype}[${v.shape}] ${s.dtype}[${s.shape}]`);
      return np.sum(np.sin(v).mul(s));
    };
    const before = await liveBuffers();
    const report = checkGrads(g, [
      [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      1.5,
    ]);
    expect(report.pass).toBe(true);
    expect(report.checks[0].report.settings.precision).toBe('float32');
    expect(new Set(seen)).toEqual(new Set(['float32[2,2] float32[]']));
    expect(await liveBuffers()).toBe(before);
  });

  it('the message: a headline, then each report under a line naming it', () => {
    const x = np.array(values(3));
    const report = checkGrads((v: A) => np.sum(np.sin(v)), [x], { order: 2, modes: ['fwd'] });
    const text = stripVTControlCharacters(report.message);
    const lines = text.split('\n');
    expect(lines[0]).toBe("checkGrads: all 2 derivative checks of f pass (jax-js's own jvp and vjp against finite differences).");
    expect(lines[2]).toBe("✓ JVP (mode 'fwd', order 1):");
    expect(lines[3]).toBe('  The analytic Jacobian–vector product matches the numeric one: all 1 entries agree.');
    expect(text).toContain(
      "\n\n✓ JVP of JVP (mode 'fwd', order 2):\n  The analytic Jacobian–vector product matches the numeric one",
    );
    for (const c of report.checks) expect(text).toContain(c.report.message.split('\n')[1]);
    x.dispose();
  });
});

describe('bad input: one sentence naming the argument', () => {
  const x = () => np.array([1, 2]);
  const f = (v: A) => np.sum(v);

  it.each([
    [() => checkGrads('f' as never, [x()]), 'checkGrads: f (a function of jax-js arrays) must be a function, but got string'],
    [
      () => checkGrads(f, []),
      "checkGrads: args must be a non-empty array of f's arguments (jax-js Arrays or trees of them), e.g. [np.array([1, 2])]",
    ],
    [
      () => checkGrads(f, [{ w: ['a'] }]),
      'checkGrads: args[0].w[0] is string; every argument must be a float32 or float64 jax-js Array, numbers, or a tree of them, e.g. np.array([1, 2])',
    ],
    [() => checkGrads(f, [x()], { order: 3 as never }), 'checkGrads: options.order must be 1 or 2, but got 3'],
    [
      () => checkGrads(f, [x()], { modes: ['backward' as never] }),
      `checkGrads: options.modes must be a non-empty array of 'fwd' and 'rev', but got ["backward"]`,
    ],
  ])('%#', (call, message) => {
    expect(call).toThrow(new GradcheckError(message));
  });

  it('a refused option or a failing f names checkGrads and the check, not checkJvp or checkVjp', () => {
    expect(() => checkGrads(f, [x()], { foo: 1 } as never)).toThrow(
      /^checkGrads \(JVP\): unknown option "foo"; known options are at, /,
    );
    expect(() => checkGrads(f, [x()], { rtol: -1 })).toThrow(
      new GradcheckError('checkGrads (JVP): options.rtol must be a finite number ≥ 0, but got -1'),
    );
    expect(() => checkGrads(f, [x()], { at: [1] } as never)).toThrow(
      new GradcheckError('checkGrads: options.at is not an option of checkGrads; the point is args'),
    );
    // log of a negative entry: f is NaN in the VJP check's first evaluation (with modes ['rev']).
    expect(() => checkGrads((v: A) => np.sum(np.log(v)), [np.array([-1, 2])], { modes: ['rev'] })).toThrow(
      /^checkGrads \(VJP\): f/,
    );
  });

  it('an argument already consumed', () => {
    const v = x();
    v.dispose();
    expect(() => checkGrads(f, [v])).toThrow(
      'checkGrads: args[0] is a float32[2] jax-js Array on wasm that was already consumed or disposed (refCount 0)',
    );
  });
});
