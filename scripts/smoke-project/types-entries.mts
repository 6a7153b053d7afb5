// Every entry point resolves with types under node16 resolution, from ESM (types-entries.cts: from CommonJS).
import { type GradientReport, checkGradient } from 'gradcheck';
import { gradientProperty, theta } from 'gradcheck/fast-check';
import { type TfNamespace, checkTensorGradient, tensorFunction } from 'gradcheck/tfjs';

const report: GradientReport = checkGradient(
  ([x]: number[]) => x * x,
  ([x]: number[]) => [2 * x],
  { at: [3] },
);
export const pass: boolean = report.pass;
export const arbitrary = theta(3);
export const property = gradientProperty(
  (t: number[]) => t[0] ** 2,
  (t: number[]) => [2 * t[0], 0, 0],
  theta(3),
);
export const tf = (ns: TfNamespace) => [tensorFunction(ns, (x) => x), checkTensorGradient];
