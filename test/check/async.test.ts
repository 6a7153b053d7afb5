// The async checks are the synchronous checks' measurements run by the async driver
// (src/numeric/measure/asyncDriver.ts): every report must be the synchronous twin's report for
// the same values, whatever `concurrency`, with exactly its calls of f; the guards fire in
// async form too; a synchronous check given an async f names the async form.
import {
  type GradientReport,
  checkGradient,
  checkGradientAsync,
  checkHessian,
  checkHessianAsync,
  checkJacobian,
  checkJacobianAsync,
  checkJvp,
  checkJvpAsync,
  checkVjp,
  checkVjpAsync,
} from 'gradcheck';
import { describe, expect, it } from 'vitest';

type Fn = (...args: never[]) => unknown;

/**
 * The async twin of a synchronous function: it answers after a delay that varies from call to
 * call (so calls complete out of order) and records how many calls were in flight at once.
 */
function later<F extends Fn>(fn: F, stats = { inFlight: 0, most: 0, calls: 0 }) {
  const twin = async (...args: Parameters<F>): Promise<ReturnType<F>> => {
    stats.calls++;
    stats.inFlight++;
    stats.most = Math.max(stats.most, stats.inFlight);
    await new Promise((resolve) => setTimeout(resolve, stats.calls % 3));
    stats.inFlight--;
    return fn(...args) as ReturnType<F>;
  };
  return Object.assign(twin, { stats });
}

/** A report without what may differ between a synchronous and an async run. */
function data(report: GradientReport): Omit<GradientReport, 'durationMs' | 'message'> {
  const { durationMs: _d, message: _m, ...rest } = report;
  return rest;
}

const CONCURRENCY = [1, 3, 8];

/**
 * Runs the async check at every concurrency; each report must equal the synchronous one (its
 * evaluations included: the same measurement asks for the same points), and the reports of
 * every concurrency each other.
 */
async function expectTwins(sync: GradientReport, run: (concurrency: number) => Promise<GradientReport>): Promise<void> {
  const reports: GradientReport[] = [];
  for (const concurrency of CONCURRENCY) {
    const report = await run(concurrency);
    reports.push(report);
    expect(report.durationMs).toBeGreaterThan(0);
    expect(data(report)).toEqual(data(sync));
    expect(report.message).toBe(sync.message);
  }
  for (const report of reports) expect(data(report)).toEqual(data(reports[0]));
}

// f(x, y) = x²y + sin y and friends (the Jest matrix's functions).
const f2 = ([x, y]: number[]) => x * x * y + Math.sin(y);
const g2 = ([x, y]: number[]) => [2 * x * y, x * x + Math.cos(y)];
const g2Sign = ([x, y]: number[]) => [-2 * x * y, x * x + Math.cos(y)];
const at = [0.7, -1.2];
const layer = ([x0, x1]: number[]) => [x0 * x1, Math.sin(x0)];
const jac = ([x0, x1]: number[]) => [
  [x1, x0],
  [Math.cos(x0), 0],
];
const jacT = ([x0, x1]: number[]) => [
  [x1, Math.cos(x0)],
  [x0, 0],
];
const vjp = ([x0, x1]: number[], yBar: number[]) => [yBar[0] * x1 + yBar[1] * Math.cos(x0), yBar[0] * x0];
const vjpBad = ([x0, x1]: number[], yBar: number[]) => [yBar[0] * x1 - yBar[1] * Math.cos(x0), yBar[0] * x0];
const jvp = ([x0, x1]: number[], u: number[]) => [x1 * u[0] + x0 * u[1], Math.cos(x0) * u[0]];
const jvpBad = ([x0, x1]: number[], u: number[]) => [x1 * u[0] + x0 * u[1], 2 * Math.cos(x0) * u[0]];
const cubic = ([x0, x1]: number[]) => x0 * x0 * x1 + x1 ** 3;
const cubicGrad = ([x0, x1]: number[]) => [2 * x0 * x1, x0 * x0 + 3 * x1 * x1];
const hess = ([x0, x1]: number[]) => [
  [2 * x1, 2 * x0],
  [2 * x0, 6 * x1],
];
const hessBad = ([x0, x1]: number[]) => [
  [2 * x1, 2 * x0],
  [2 * x0, 3 * x1],
];

// A small tanh network over a parameter tree: enough entries for re-checks and diagnoses.
type Net = { W: number[][]; b: Float64Array };
const X = [0.5, -1.2, 0.3];
function net({ W, b }: Net): number {
  let loss = 0;
  for (let j = 0; j < W.length; j++) loss += Math.tanh(W[j].reduce((s, w, k) => s + w * X[k], b[j])) ** 2;
  return loss;
}
function netGrad({ W, b }: Net): Net {
  const gW = W.map((row) => row.map(() => 0));
  const gb = new Float64Array(b.length);
  W.forEach((row, j) => {
    const h = Math.tanh(row.reduce((s, w, k) => s + w * X[k], b[j]));
    const d = 2 * h * (1 - h * h);
    gb[j] = d;
    row.forEach((_, k) => {
      gW[j][k] = d * X[k];
    });
  });
  return { W: gW, b: gb };
}
/** The classic bug: the activation derivative tanh′ = 1 − h² left out. */
function netGradBug(theta: Net): Net {
  const g = netGrad(theta);
  return { W: g.W.map((row) => row.map((v) => 2 * v)), b: g.b };
}
const netAt: Net = {
  W: [
    [0.4, -0.3, 0.2],
    [0.1, 0.5, -0.6],
  ],
  b: Float64Array.of(0.1, -0.2),
};

describe('checkGradientAsync equals checkGradient, whatever the concurrency', () => {
  const cases = [
    { name: 'a correct gradient', f: f2, g: g2, options: { at } },
    { name: 'a sign error', f: f2, g: g2Sign, options: { at } },
    { name: 'a gradient given as a value', f: f2, g: g2Sign(at), options: { at } },
    { name: 'a tree θ, correct', f: net, g: netGrad, options: { at: netAt } },
    { name: 'a tree θ, tanh′ missing (re-checks, diagnoses)', f: net, g: netGradBug, options: { at: netAt } },
    { name: 'fast mode, correct', f: net, g: netGrad, options: { at: netAt, mode: 'fast', directions: 3 } },
    {
      name: 'fast mode, buggy (localised by group testing)',
      f: net,
      g: netGradBug,
      options: { at: netAt, mode: 'fast', directions: 3 },
    },
    { name: 'richardson', f: f2, g: g2Sign, options: { at, method: 'richardson' } },
    { name: 'forward differences', f: f2, g: g2, options: { at, method: 'forward' } },
    { name: 'a sample', f: net, g: netGradBug, options: { at: netAt, sample: 4, seed: 2 } },
    {
      name: 'float32 θ',
      f: ([x, y]: Float32Array) => Math.fround(x * y),
      g: ([x, y]: Float32Array) => Float32Array.of(y, x),
      options: { at: Float32Array.of(0.5, 2) },
    },
  ] as const;

  for (const c of cases) {
    it(c.name, async () => {
      const f = c.f as (t: never) => number;
      const sync = checkGradient(f, c.g as never, c.options as never);
      await expectTwins(sync, (concurrency) =>
        checkGradientAsync(later(f), c.g as never, { ...(c.options as object), concurrency } as never),
      );
    });
  }

  it('accepts an async gradient too', async () => {
    const sync = checkGradient(net, netGradBug, { at: netAt });
    await expectTwins(sync, (concurrency) => checkGradientAsync(later(net), later(netGradBug), { at: netAt, concurrency }));
  });

  it('makes no call of f the synchronous check does not make', async () => {
    for (const [g, options] of [
      [netGrad, { at: netAt }],
      [netGradBug, { at: netAt }],
      [netGrad, { at: netAt, mode: 'fast', directions: 3 }],
      [netGradBug, { at: netAt, sample: 4, seed: 2 }],
    ] as const) {
      const sync = checkGradient(net, g, options as never);
      const f = later(net);
      const report = await checkGradientAsync(f, g, { ...options, concurrency: 8 } as never);
      expect(f.stats.calls).toBe(sync.evaluations);
      expect(report.evaluations).toBe(sync.evaluations);
    }
  });

  it('never has more than `concurrency` calls in flight, and uses them', async () => {
    for (const concurrency of [1, 3]) {
      const f = later(net);
      await checkGradientAsync(f, netGrad, { at: netAt, concurrency });
      expect(f.stats.most).toBe(concurrency);
    }
  });

  it('a plain synchronous f works too', async () => {
    expect(data(await checkGradientAsync(f2, g2, { at }))).toEqual(data(checkGradient(f2, g2, { at })));
  });
});

describe('the layer checks, async and sync', () => {
  it('checkJacobianAsync: a correct and a transposed Jacobian, as functions and values', async () => {
    for (const j of [jac, jacT, jacT(at)]) {
      const sync = checkJacobian(layer, j as never, { at });
      if (typeof j === 'function')
        await expectTwins(sync, (concurrency) => checkJacobianAsync(later(layer), later(j), { at, concurrency }));
      await expectTwins(sync, (concurrency) => checkJacobianAsync(later(layer), j as never, { at, concurrency }));
    }
  });

  it('checkVjpAsync: a correct and a wrong backward pass', async () => {
    for (const b of [vjp, vjpBad]) {
      const sync = checkVjp(layer, b, { at });
      await expectTwins(sync, (concurrency) => checkVjpAsync(later(layer), later(b), { at, concurrency }));
    }
  });

  it('checkJvpAsync: a correct and a wrong tangent map', async () => {
    for (const t of [jvp, jvpBad]) {
      const sync = checkJvp(layer, t, { at, tangents: 2 });
      await expectTwins(sync, (concurrency) => checkJvpAsync(later(layer), later(t), { at, tangents: 2, concurrency }));
    }
  });

  it('checkHessianAsync: second differences and options.gradient, H as a function and a value', async () => {
    for (const H of [hess, hessBad, hessBad(at)]) {
      const sync = checkHessian(cubic, H as never, { at });
      await expectTwins(sync, (concurrency) => checkHessianAsync(later(cubic), H as never, { at, concurrency }));
      const byGradient = checkHessian(cubic, H as never, { at, gradient: cubicGrad });
      await expectTwins(byGradient, (concurrency) =>
        checkHessianAsync(later(cubic), H as never, { at, gradient: later(cubicGrad), concurrency }),
      );
    }
  });

  it('no layer check makes an extra call of f', async () => {
    const f = later(layer);
    expect((await checkVjpAsync(f, vjpBad, { at, concurrency: 8 })).evaluations).toBe(
      checkVjp(layer, vjpBad, { at }).evaluations,
    );
    expect(f.stats.calls).toBe(checkVjp(layer, vjpBad, { at }).evaluations);
    const g = later(cubic);
    const sync = checkHessian(cubic, hessBad, { at });
    expect((await checkHessianAsync(g, hessBad, { at, concurrency: 8 })).evaluations).toBe(sync.evaluations);
    expect(g.stats.calls).toBe(sync.evaluations);
  });
});

describe('guards in async form', () => {
  it('a non-deterministic async f is named', async () => {
    let calls = 0;
    const noisy = async (t: number[]) => f2(t) + 1e-6 * Math.sin(++calls);
    const report = await checkGradientAsync(noisy, g2Sign, { at, concurrency: 3 });
    expect(report.pass).toBe(false);
    expect(report.diagnoses.map((d) => d.kind)).toContain('nondeterministic');
  });

  it('an async f that writes into θ is named, exactly as the synchronous check names it', async () => {
    const writes = (t: number[]) => {
      const value = f2(t);
      t[1] = 7;
      return value;
    };
    const sync = checkGradient(writes, g2, { at });
    expect(sync.diagnoses.map((d) => d.kind)).toContain('mutates-input');
    // The write happens after an await: the check still sees it in the copy it passed.
    const late = async (t: number[]) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return writes(t);
    };
    // One call in flight is the synchronous loop on one copy of θ: the same report.
    const one = await checkGradientAsync(late, g2, { at, concurrency: 1 });
    expect(data(one)).toEqual(data(sync));
    // Several in flight each have their own copy, so which values the write spoils depends on
    // the order calls finish in; the write itself is still found and named, as the sync check names it.
    const named = sync.diagnoses.find((d) => d.kind === 'mutates-input');
    for (const concurrency of [3, 8]) {
      const report = await checkGradientAsync(late, g2, { at, concurrency });
      expect(report.pass).toBe(false);
      expect(report.diagnoses.find((d) => d.kind === 'mutates-input')?.message).toBe(named?.message);
    }
  });

  it('an async f returning NaN fails with the synchronous error', async () => {
    const cliff = (t: number[]) => (t[1] < -1.2 ? Number.NaN : f2(t));
    const message = (() => {
      try {
        checkGradient(cliff, g2, { at });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^checkGradient: f returned NaN/);
    await expect(checkGradientAsync(later(cliff), g2, { at, concurrency: 3 })).rejects.toThrow(
      message?.replace('checkGradient', 'checkGradientAsync'),
    );
  });

  it('an error thrown by the async f reaches the caller', async () => {
    const broken = async () => {
      throw new RangeError('the model is not loaded');
    };
    await expect(checkGradientAsync(broken, g2, { at })).rejects.toThrow('the model is not loaded');
  });

  it('bad options fail with the synchronous message', async () => {
    await expect(checkGradientAsync(later(f2), g2, { at, concurrency: 0 })).rejects.toThrow(
      'checkGradientAsync: options.concurrency must be a whole number ≥ 1, but got 0',
    );
    await expect(checkGradientAsync(later(f2), g2, {} as never)).rejects.toThrow(/checkGradientAsync: options\.at/);
  });
});

describe('a synchronous check given an async function names the async form', () => {
  const asyncF2 = async (t: number[]) => f2(t);
  const asyncLayer = async (t: number[]) => layer(t);
  const cases: [string, () => unknown, string][] = [
    ['checkGradient', () => checkGradient(asyncF2 as never, g2, { at }), 'f'],
    ['checkGradient', () => checkGradient(f2, (async (t: number[]) => g2(t)) as never, { at }), 'grad'],
    ['checkJacobian', () => checkJacobian(asyncLayer as never, jac, { at }), 'f'],
    ['checkVjp', () => checkVjp(layer, (async (t: number[], y: number[]) => vjp(t, y)) as never, { at }), 'vjp'],
    ['checkJvp', () => checkJvp(asyncLayer as never, jvp, { at }), 'f'],
    ['checkHessian', () => checkHessian((async (t: number[]) => cubic(t)) as never, hess, { at }), 'f'],
    [
      'checkHessian',
      () => checkHessian(cubic, hess, { at, gradient: async (t: number[]) => cubicGrad(t) } as never),
      'options.gradient',
    ],
  ];
  for (const [caller, run, who] of cases) {
    it(`${caller} with an async ${who}`, () => {
      const matcher = caller.replace('check', 'toHave');
      expect(run).toThrow(
        `${caller}: ${who} returned a Promise (${who} must be synchronous); use ${caller}Async (or await expect(f).${matcher}(…)) for an async ${who}`,
      );
    });
  }
});
