/**
 * Small float32 models for the precision tests: every intermediate is rounded with Math.fround
 * (stores into a Float32Array round the same way), as TF.js / WebGPU code computes.
 */
import { logregData } from '../problems/index.js';

const fr = Math.fround;

/** P2's regularised logistic regression computed in float32; θ is a Float32Array(3). */
export const logreg32 = {
  f(theta: Float32Array): number {
    const { X, y, lambda, m } = logregData;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const z = fr(fr(fr(fr(X[j][0]) * theta[0]) + fr(fr(X[j][1]) * theta[1])) + fr(fr(X[j][2]) * theta[2]));
      const h = fr(1 / fr(1 + fr(Math.exp(-z))));
      const term = y[j] === 1 ? fr(-fr(Math.log(h))) : fr(-fr(Math.log(fr(1 - h))));
      sum = fr(sum + term);
    }
    let reg = 0;
    for (let k = 1; k < 3; k++) reg = fr(reg + fr(theta[k] * theta[k]));
    return fr(fr(sum / m) + fr(fr(lambda / (2 * m)) * reg));
  },
  grad(theta: Float32Array): Float32Array {
    const { X, y, lambda, m } = logregData;
    const g = new Float32Array(3);
    for (let j = 0; j < m; j++) {
      const z = fr(fr(fr(fr(X[j][0]) * theta[0]) + fr(fr(X[j][1]) * theta[1])) + fr(fr(X[j][2]) * theta[2]));
      const h = fr(1 / fr(1 + fr(Math.exp(-z))));
      const r = fr(h - y[j]);
      for (let k = 0; k < 3; k++) g[k] += fr(r * fr(X[j][k]));
    }
    for (let k = 0; k < 3; k++) g[k] = fr(g[k] / m);
    for (let k = 1; k < 3; k++) g[k] += fr(fr(lambda / m) * theta[k]);
    return g;
  },
};

/** Parameters of the 3-5-3 network. */
export interface Net353 {
  W1: Float32Array; // 5×3 row-major
  b1: Float32Array; // 5
  W2: Float32Array; // 3×5 row-major
  b2: Float32Array; // 3
}

const IN = 3;
const HID = 5;
const OUT = 3;
const M = 5;
const X = Float32Array.from({ length: M * IN }, (_, k) => Math.sin(k + 1));
const LABELS = Array.from({ length: M }, (_, i) => i % OUT);

interface Forward {
  a1: Float32Array;
  z2: Float32Array;
  lse: number;
}

function forward(p: Net353, i: number): Forward {
  const a1 = new Float32Array(HID);
  for (let j = 0; j < HID; j++) {
    let z = p.b1[j];
    for (let k = 0; k < IN; k++) z = fr(z + fr(p.W1[j * IN + k] * X[i * IN + k]));
    a1[j] = fr(1 / fr(1 + fr(Math.exp(-z))));
  }
  const z2 = new Float32Array(OUT);
  for (let c = 0; c < OUT; c++) {
    let z = p.b2[c];
    for (let j = 0; j < HID; j++) z = fr(z + fr(p.W2[c * HID + j] * a1[j]));
    z2[c] = z;
  }
  const max = Math.max(...z2);
  let s = 0;
  for (let c = 0; c < OUT; c++) s = fr(s + fr(Math.exp(fr(z2[c] - max))));
  return { a1, z2, lse: fr(max + fr(Math.log(s))) };
}

/** A 3-5-3 network (sigmoid hidden layer, softmax cross-entropy, mean over 5 examples) in float32. */
export const net353 = {
  f(p: Net353): number {
    let loss = 0;
    for (let i = 0; i < M; i++) {
      const { z2, lse } = forward(p, i);
      loss = fr(loss + fr(lse - z2[LABELS[i]]));
    }
    return fr(loss / M);
  },
  grad(p: Net353): Net353 {
    const g: Net353 = {
      W1: new Float32Array(HID * IN),
      b1: new Float32Array(HID),
      W2: new Float32Array(OUT * HID),
      b2: new Float32Array(OUT),
    };
    for (let i = 0; i < M; i++) {
      const { a1, z2, lse } = forward(p, i);
      const dz2 = new Float32Array(OUT);
      for (let c = 0; c < OUT; c++) dz2[c] = fr(fr(fr(Math.exp(fr(z2[c] - lse))) - (c === LABELS[i] ? 1 : 0)) / M);
      for (let c = 0; c < OUT; c++) {
        g.b2[c] += dz2[c];
        for (let j = 0; j < HID; j++) g.W2[c * HID + j] += fr(dz2[c] * a1[j]);
      }
      for (let j = 0; j < HID; j++) {
        let da = 0;
        for (let c = 0; c < OUT; c++) da = fr(da + fr(p.W2[c * HID + j] * dz2[c]));
        const dz = fr(da * fr(a1[j] * fr(1 - a1[j])));
        g.b1[j] += dz;
        for (let k = 0; k < IN; k++) g.W1[j * IN + k] += fr(dz * X[i * IN + k]);
      }
    }
    return g;
  },
  /** Random parameters in [−scale, scale] from a seeded uniform source. */
  random(next: () => number, scale = 1): Net353 {
    const u = (n: number) => Float32Array.from({ length: n }, () => (2 * next() - 1) * scale);
    return { W1: u(HID * IN), b1: u(HID), W2: u(OUT * HID), b2: u(OUT) };
  },
};
