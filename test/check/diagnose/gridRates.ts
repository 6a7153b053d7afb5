/**
 * The grid of issue 20 as rates: each bug class checked over the cells of a grid, each report's
 * diagnoses read as the check returned them and sorted into named (the bug's kind on the bug's
 * tensors), silent (no diagnosis) or wrong (a wrong kind, or a diagnosis on a tensor whose
 * gradient is right). Shared by the unit tests and the long statistical run.
 */
import { checkGradient } from 'gradcheck';
import type { Diagnosis, GradientReport } from 'gradcheck';
import { type Mlp, type MlpBugs, mlpGrad, mlpLoss, mlpTheta } from './mlp.js';

/** A bug class: how to inject it, where it applies, and what naming it means. */
export interface BugClass {
  readonly name: string;
  readonly bugs: MlpBugs;
  /** Cells where the bug changes the gradient (a forgotten 1/m needs m > 1, an L2 bug λ > 0). */
  readonly applies: (net: Mlp) => boolean;
  /** Whether a diagnosis names the bug. */
  readonly names: (d: Diagnosis) => boolean;
}

const onPaths = (d: Diagnosis, paths: readonly string[]) =>
  paths.every((p) => d.paths.includes(p)) && d.paths.length === paths.length;
const kindOrAlternative = (d: Diagnosis, kind: string) => d.kind === kind || (d.alternatives ?? []).includes(kind as never);

/** The bug classes of issue 20's grid. */
export const BUG_CLASSES: readonly BugClass[] = [
  {
    name: 'forgot 1/m',
    bugs: { forgotOneOverM: true },
    applies: (n) => n.m > 1,
    names: (d) => d.kind === 'factor' && onPaths(d, ['W1', 'b1', 'W2', 'b2']),
  },
  {
    name: 'L2 sign flipped',
    bugs: { l2WrongSign: true },
    applies: (n) => n.lambda > 0,
    names: (d) => kindOrAlternative(d, 'missing-term') && onPaths(d, ['W1', 'W2']),
  },
  {
    name: 'W2 transposed',
    bugs: { transposeW2: true },
    applies: () => true,
    names: (d) => d.kind === 'transposed' && onPaths(d, ['W2']),
  },
  {
    name: 'activation derivative dropped',
    bugs: { noActDerivative: true },
    applies: () => true,
    names: (d) =>
      (d.kind === 'per-unit-factor' || d.kind === 'enters-at') &&
      d.paths.includes('W1') &&
      d.paths.every((p) => p === 'W1' || p === 'b1'),
  },
  {
    name: 'L2 on the biases',
    bugs: { l2OnBiases: true },
    applies: (n) => n.lambda > 0,
    names: (d) => d.kind === 'extra-term' && onPaths(d, ['b1', 'b2']),
  },
  { name: 'b1 zeroed', bugs: { zeroB1: true }, applies: () => true, names: (d) => d.kind === 'zeroed' && onPaths(d, ['b1']) },
  {
    name: '1/m forgotten and L2 sign flipped',
    bugs: { forgotOneOverM: true, l2WrongSign: true },
    applies: (n) => n.m > 1 && n.lambda > 0,
    names: (d) =>
      d.kind === 'factor' &&
      onPaths(d, ['W1', 'b1', 'W2', 'b2']) &&
      d.message.includes('if its sign is flipped') &&
      !d.message.includes('which is right'),
  },
];

/** The tensor a diagnosis path belongs to ('W1[2][0]' → 'W1'). */
export const tensorOf = (path: string) => path.replace(/(\[\d+\])+$/, '') || 'θ';

/** The tensors whose gradient is wrong in a report. */
export function wrongTensors(report: GradientReport): Set<string> {
  return new Set(report.mismatches.map((m) => tensorOf(m.path)));
}

/** A diagnosis on a tensor whose gradient is right. */
export function onRightTensor(report: GradientReport, d: Diagnosis): boolean {
  const wrong = wrongTensors(report);
  return d.paths.some((p) => !wrong.has(tensorOf(p)));
}

/** The counts of one bug class over a grid. */
export interface Rates {
  readonly cells: number;
  readonly named: number;
  /** Cells with a diagnosis on a right tensor, or a bug class's diagnosis of the wrong kind. */
  readonly wrong: number;
  /** What the wrong cells said, for the failure message. */
  readonly examples: string[];
}

/**
 * Checks one bug class over the cells and counts.
 *
 * @example
 * ratesOf(BUG_CLASSES[0], grid(10)).named; // 120 of 120
 */
export function ratesOf(bug: BugClass, cells: readonly Mlp[]): Rates {
  let named = 0;
  let wrong = 0;
  let count = 0;
  const examples: string[] = [];
  for (const net of cells) {
    if (!bug.applies(net)) continue;
    count++;
    const report = checkGradient(mlpLoss(net), mlpGrad(net, bug.bugs), { at: mlpTheta(net) });
    const bad = report.diagnoses.filter((d) => onRightTensor(report, d));
    if (bad.length > 0) {
      wrong++;
      if (examples.length < 3)
        examples.push(`${JSON.stringify(net)}: ${bad.map((d) => `${d.kind} on ${d.paths.join(', ')}`).join('; ')}`);
    }
    if (report.diagnoses.some(bug.names)) named++;
  }
  return { cells: count, named, wrong, examples };
}
