import { MLP_DIMS, mlpBlocks, mlpData, mlpTheta0, type MlpProblem } from './mlp.js';

const fr = Math.fround;

/**
 * P7: P4-small computed in float32. θ is a Float32Array (θ0 and X are P4's values rounded to
 * float32); every product, sum, tanh/exp/log result and quotient is rounded with Math.fround,
 * sums run sequentially as z = ((0 + w0·x0) + w1·x1) + … then + bias. grad is backprop in the
 * same float32 arithmetic and returns a Float32Array.
 */
export function mlpFloat32(): MlpProblem<Float32Array> {
  const dims = MLP_DIMS.small;
  const blocks = mlpBlocks('small');
  const n = blocks.b2[1];
  const kernel = float32Kernel();
  const check = (theta: Float32Array): void => {
    if (!(theta instanceof Float32Array) || theta.length !== n) {
      throw new RangeError(`mlpFloat32: θ must be a Float32Array of ${n} entries`);
    }
  };
  return {
    name: 'P7-float32',
    n,
    theta0: Float32Array.from(mlpTheta0('small')),
    blocks,
    dims,
    f(theta) {
      check(theta);
      return kernel(theta, null);
    },
    grad(theta) {
      check(theta);
      const g = new Float32Array(n);
      kernel(theta, g);
      return g;
    },
  };
}

/**
 * The float32 forward/backward pass, specialised by hand (a shared kernel taking a rounding
 * function was ~10× slower). Stores into Float32Array round like Math.fround, so
 * `g[k] += fr(u * v)` is a float32 product followed by a float32 sum.
 */
function float32Kernel(): (theta: Float32Array, g: Float32Array | null) => number {
  const { d, h, c, b } = MLP_DIMS.small;
  const blocks = mlpBlocks('small');
  const oB1 = blocks.b1[0];
  const oW2 = blocks.W2[0];
  const oB2 = blocks.b2[0];
  const data = mlpData('small');
  const X = Float32Array.from(data.X);
  const labels = data.labels;
  const a1 = new Float32Array(h);
  const e = new Float32Array(c);
  const z2 = new Float32Array(c);
  const dz2 = new Float32Array(c);
  const invB = fr(1 / b); // 2⁻⁵: scaling by it is exact
  return (t, g) => {
    let total = 0;
    for (let i = 0; i < b; i++) {
      const xo = i * d;
      for (let j = 0; j < h; j++) {
        const wo = j * d;
        let s = 0;
        for (let l = 0; l < d; l++) s = fr(s + fr(t[wo + l] * X[xo + l]));
        a1[j] = fr(Math.tanh(fr(s + t[oB1 + j])));
      }
      let mx = -Infinity;
      for (let k = 0; k < c; k++) {
        const wo = oW2 + k * h;
        let s = 0;
        for (let j = 0; j < h; j++) s = fr(s + fr(t[wo + j] * a1[j]));
        const z = fr(s + t[oB2 + k]);
        z2[k] = z;
        if (z > mx) mx = z;
      }
      let se = 0;
      for (let k = 0; k < c; k++) {
        e[k] = fr(Math.exp(fr(z2[k] - mx)));
        se = fr(se + e[k]);
      }
      const label = labels[i];
      total = fr(total + fr(fr(fr(Math.log(se)) + mx) - z2[label]));
      if (g === null) continue;

      for (let k = 0; k < c; k++) dz2[k] = fr(fr(fr(e[k] / se) - (k === label ? 1 : 0)) * invB);
      for (let k = 0; k < c; k++) {
        const dk = dz2[k];
        const wo = oW2 + k * h;
        g[oB2 + k] += dk;
        for (let j = 0; j < h; j++) g[wo + j] += fr(dk * a1[j]);
      }
      for (let j = 0; j < h; j++) {
        let s = 0;
        for (let k = 0; k < c; k++) s = fr(s + fr(t[oW2 + k * h + j] * dz2[k]));
        const aj = a1[j];
        const dz1 = fr(s * fr(1 - fr(aj * aj)));
        g[oB1 + j] += dz1;
        const wo = j * d;
        for (let l = 0; l < d; l++) g[wo + l] += fr(dz1 * X[xo + l]);
      }
    }
    return fr(total / b);
  };
}
