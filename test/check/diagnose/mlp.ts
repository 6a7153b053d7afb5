/**
 * A 2-layer MLP for the diagnosis grids (issue 20): activation tanh, sigmoid, ReLU, leaky ReLU
 * or softplus; softmax cross-entropy averaged over m examples; L2 term (λ/2m)(‖W1‖² + ‖W2‖²)
 * (biases not regularised). Data and θ come from a seed. `mlpGrad(net, bugs)` is its backprop,
 * correct or with the bugs a person makes writing it by hand.
 */

export type MlpParams = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };

export type Activation = 'tanh' | 'sigmoid' | 'relu' | 'leaky-relu' | 'softplus';

/** One network of the grid. */
export interface Mlp {
  readonly d: number;
  readonly h: number;
  readonly c: number;
  readonly m: number;
  readonly lambda: number;
  readonly act: Activation;
  readonly seed: number;
}

/** The bugs `mlpGrad` can inject. */
export interface MlpBugs {
  /** Δ summed over the examples but never divided by m (the L2 gradient (λ/m)W still right). */
  readonly forgotOneOverM?: boolean;
  /** (λ/m)W subtracted instead of added. */
  readonly l2WrongSign?: boolean;
  /** W2's data gradient a1·δ2ᵀ instead of δ2·a1ᵀ (h = c). */
  readonly transposeW2?: boolean;
  /** δ1 = W2ᵀδ2 without ⊙ act′(z1). */
  readonly noActDerivative?: boolean;
  /** (λ/m)b applied to the biases too. */
  readonly l2OnBiases?: boolean;
  /** b1's gradient never filled in. */
  readonly zeroB1?: boolean;
  /** b1's gradient from δ before ⊙ act′ (W1's right): a bug in b1 alone. */
  readonly b1WithoutDerivative?: boolean;
}

/** A small deterministic generator (LCG), uniform in [−1, 1). */
export function uniform(seed: number): () => number {
  let s = (seed * 2654435761 + 12345) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
}

const ACT: Record<Activation, { f: (z: number) => number; df: (z: number) => number }> = {
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2 },
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2 },
  relu: { f: (z) => Math.max(0, z), df: (z) => (z > 0 ? 1 : 0) },
  'leaky-relu': { f: (z) => (z > 0 ? z : 0.1 * z), df: (z) => (z > 0 ? 1 : 0.1) },
  softplus: { f: (z) => Math.log1p(Math.exp(z)), df: (z) => 1 / (1 + Math.exp(-z)) },
};

/** The data of a network: X (m × d) uniform in [−1, 1), labels i mod c. */
export function mlpData(net: Mlp): { X: number[][]; y: number[] } {
  const r = uniform(net.seed + 1000);
  const X = Array.from({ length: net.m }, () => Array.from({ length: net.d }, r));
  return { X, y: Array.from({ length: net.m }, (_, i) => i % net.c) };
}

/** θ of a network: entries uniform in [−0.8, 0.8) (ReLU units both on and off). */
export function mlpTheta(net: Mlp): MlpParams {
  const r = uniform(net.seed);
  const next = () => 0.8 * r();
  const matrix = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, next));
  return {
    W1: matrix(net.h, net.d),
    b1: Array.from({ length: net.h }, next),
    W2: matrix(net.c, net.h),
    b2: Array.from({ length: net.c }, next),
  };
}

function forward(net: Mlp, p: MlpParams, x: number[]) {
  const z1 = p.W1.map((row, j) => row.reduce((s, w, k) => s + w * x[k], p.b1[j]));
  const a1 = z1.map(ACT[net.act].f);
  const z2 = p.W2.map((row, k) => row.reduce((s, w, j) => s + w * a1[j], p.b2[k]));
  const top = Math.max(...z2);
  const e = z2.map((z) => Math.exp(z - top));
  const sum = e.reduce((s, v) => s + v, 0);
  return { z1, a1, z2, p: e.map((v) => v / sum), lse: top + Math.log(sum) };
}

const squares = (W: number[][]) => W.reduce((s, row) => s + row.reduce((t, w) => t + w * w, 0), 0);

/**
 * J(θ) = (1/m) Σᵢ [logsumexp(z2ᵢ) − z2ᵢ[yᵢ]] + (λ/2m)(‖W1‖² + ‖W2‖²).
 *
 * @example
 * mlpLoss(net)(mlpTheta(net)); // ≈ 1.1
 */
export function mlpLoss(net: Mlp): (p: MlpParams) => number {
  const { X, y } = mlpData(net);
  return (p) => {
    let J = 0;
    for (let i = 0; i < X.length; i++) {
      const f = forward(net, p, X[i]);
      J += f.lse - f.z2[y[i]];
    }
    return J / net.m + (net.lambda / (2 * net.m)) * (squares(p.W1) + squares(p.W2));
  };
}

const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));

function dataGradient(net: Mlp, p: MlpParams, bugs: MlpBugs): MlpParams {
  const { X, y } = mlpData(net);
  const g: MlpParams = {
    W1: zeros(net.h, net.d),
    b1: new Array(net.h).fill(0),
    W2: zeros(net.c, net.h),
    b2: new Array(net.c).fill(0),
  };
  X.forEach((x, i) => {
    const f = forward(net, p, x);
    const d2 = f.p.map((v, k) => v - (k === y[i] ? 1 : 0));
    const back = f.a1.map((_, j) => p.W2.reduce((t, row, k) => t + row[j] * d2[k], 0));
    const d1 = back.map((v, j) => v * ACT[net.act].df(f.z1[j]));
    const dW1 = bugs.noActDerivative ? back : d1;
    d2.forEach((d, k) => {
      g.b2[k] += d;
      f.a1.forEach((a, j) => (bugs.transposeW2 ? (g.W2[j][k] += d * a) : (g.W2[k][j] += d * a)));
    });
    dW1.forEach((d, j) => {
      g.b1[j] += bugs.b1WithoutDerivative ? back[j] : d;
      x.forEach((v, k) => (g.W1[j][k] += d * v));
    });
  });
  return g;
}

/**
 * Backprop of `mlpLoss`, correct without `bugs`.
 *
 * @example
 * checkGradient(mlpLoss(net), mlpGrad(net, { l2WrongSign: true }), { at: mlpTheta(net) });
 */
export function mlpGrad(net: Mlp, bugs: MlpBugs = {}): (p: MlpParams) => MlpParams {
  return (p) => {
    const g = dataGradient(net, p, bugs);
    const data = bugs.forgotOneOverM ? 1 : 1 / net.m;
    const reg = (bugs.l2WrongSign ? -1 : 1) * (net.lambda / net.m);
    const W = (G: number[][], P: number[][]) => G.map((row, r) => row.map((v, c) => v * data + reg * P[r][c]));
    const b = (G: number[], P: number[]) => G.map((v, k) => v * data + (bugs.l2OnBiases ? reg * P[k] : 0));
    const out = { W1: W(g.W1, p.W1), b1: b(g.b1, p.b1), W2: W(g.W2, p.W2), b2: b(g.b2, p.b2) };
    return bugs.zeroB1 ? { ...out, b1: out.b1.map(() => 0) } : out;
  };
}

/** The grid of issue 20: seeds × activations × λ ∈ {0, 0.1} × m ∈ {1, 6} × two sizes (W2 square). */
export function grid(seeds: number, acts: readonly Activation[] = ['tanh', 'sigmoid', 'relu']): Mlp[] {
  const out: Mlp[] = [];
  for (let seed = 0; seed < seeds; seed++)
    for (const act of acts)
      for (const lambda of [0, 0.1])
        for (const m of [1, 6])
          for (const [d, h] of [
            [4, 3],
            [6, 5],
          ])
            out.push({ d, h, c: h, m, lambda, act, seed });
  return out;
}
