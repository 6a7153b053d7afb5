import { type Finding, finding } from '../finding.js';
import { compared, failingOf, fullyCompared } from '../scope.js';
import { nameList } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { type Layer, feeds, unitIndices } from './units.js';

const groupsOf = (layer: Layer): EntryGroup[] => (layer.bias ? [layer.weight, layer.bias] : [layer.weight]);

/** Whether every unit of the layer whose numerical values are not all 0 has a failing entry. */
function everyUnitWrong(input: DiagnosisInput, layer: Layer): { wrong: number; units: number } {
  let wrong = 0;
  let units = 0;
  for (let u = 0; u < layer.weight.shape[0]; u++) {
    const idx = unitIndices(layer, u);
    if (idx.every((i) => input.numeric[i] === 0)) continue;
    units++;
    if (idx.some((i) => input.failing[i] === 1)) wrong++;
  }
  return { wrong, units };
}

/**
 * Where the error enters a layered network, when no factor explains it (as over a batch, where
 * a missing tanh′ = 1 − h² scales each example differently): the layers above a hidden
 * activation are right, and every unit of the layer below it is wrong. The evidence is that
 * verdict pattern over the layers the groups' shapes chain together (W2's columns are W1's units).
 *
 * @example
 * // tanh′ left out of backprop, m = 6 examples:
 * entersAtDetector(input, layers, explained)?.message; // 'The error enters at the hidden activation that W1 feeds: …'
 */
export function entersAtDetector(
  input: DiagnosisInput,
  layers: readonly Layer[],
  explained: ReadonlySet<string>,
): Finding | undefined {
  if (input.sparse) return undefined;
  const wrong = (l: Layer) => groupsOf(l).some((g) => failingOf(input, compared(input, g)).length > 0);
  for (let k = layers.length - 2; k >= 0; k--) {
    const lower = layers[k];
    const above = layers.slice(k + 1);
    if (!feeds(lower, layers[k + 1]) || above.some(wrong) || !groupsOf(lower).every((g) => fullyCompared(input, g))) continue;
    if (!above.every((l) => groupsOf(l).every((g) => fullyCompared(input, g)))) continue;
    const { wrong: bad, units } = everyUnitWrong(input, lower);
    if (units < 2 || bad < units) return undefined;
    const below = layers
      .slice(0, k + 1)
      .flatMap(groupsOf)
      .filter((g) => failingOf(input, compared(input, g)).length > 0);
    if (below.some((g) => explained.has(g.name))) return undefined;
    const right = above.flatMap(groupsOf).map((g) => g.name);
    const W = lower.weight.name;
    const failingCount = below.reduce((s, g) => s + failingOf(input, compared(input, g)).length, 0);
    const upper = k + 1 === layers.length - 1 ? 'the output layer' : 'the layers above it';
    return finding({
      kind: 'per-unit-factor',
      paths: below.map((g) => g.name),
      message:
        `The error enters at the hidden activation that ${W} feeds: ${upper} (${nameList(right)}) ${upper === 'the output layer' ? 'is' : 'are'} right, every tensor below that activation (${nameList(below.map((g) => g.name))}) is wrong. ` +
        `Is the activation's derivative (tanh′ = 1 − h², σ′ = σ(1 − σ), ReLU′) missing or wrong where δ passes from ${layers[k + 1].weight.name} down to ${W}?`,
      evidence: `${nameList(right)} agree on every entry; all ${units} units of ${W}${lower.bias ? ` with ${lower.bias.name}` : ''} disagree; no constant factor per unit fits`,
      explained: failingCount,
      failingCount,
    });
  }
  return undefined;
}
