import { type Finding, finding } from '../finding.js';
import { compared, failingOf, fullyCompared } from '../scope.js';
import { nameList } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { type Layer, feeds, unitIndices } from './units.js';

const groupsOf = (layer: Layer): EntryGroup[] => (layer.bias ? [layer.weight, layer.bias] : [layer.weight]);

/** The units of a layer as its weight shows them: which have a failing weight entry, which are off (numerical values all 0, analytic not). */
interface UnitPattern {
  /** Units whose numerical values are not all 0, or whose analytic ones are not. */
  readonly units: number;
  /** Units with a failing weight entry. */
  readonly wrong: number;
  /** Wrong units that no gradient reaches (numerical bias entry exactly 0, analytic not; without a bias, the weights): units that are off. */
  readonly off: readonly number[];
}

function unitPattern(input: DiagnosisInput, layer: Layer): UnitPattern {
  const { analytic: a, numeric: n, failing } = input;
  const cols = layer.weight.shape[1];
  let units = 0;
  let wrong = 0;
  const off: number[] = [];
  for (let u = 0; u < layer.weight.shape[0]; u++) {
    const idx = unitIndices(layer, u);
    if (idx.every((i) => n[i] === 0 && a[i] === 0)) continue;
    units++;
    const weightRow = layer.weight.indices.slice(u * cols, (u + 1) * cols);
    if (!weightRow.some((i) => failing[i] === 1)) continue;
    wrong++;
    // Off: no gradient reaches the unit (an L2 term may still move its weights, never its bias).
    const b = layer.bias?.indices[u];
    if (b !== undefined ? n[b] === 0 && a[b] !== 0 : weightRow.every((i) => n[i] === 0)) off.push(u);
  }
  return { units, wrong, off };
}

/** The advice: which derivative, with the ReLU mask named when units that are off carry a gradient. */
function advice(lower: Layer, upper: Layer, p: UnitPattern): string {
  const W = lower.weight.name;
  const where = `where δ passes from ${upper.weight.name} down to ${W}`;
  if (p.off.length > 0) {
    const all = p.off.length === p.wrong;
    return (
      `The gradient flows through ${p.off.length === 1 ? 'a unit that is' : 'units that are'} off (unit${p.off.length === 1 ? '' : 's'} ${p.off.join(', ')} of ${W}: numerical gradient exactly 0${lower.bias ? ` on ${lower.bias.name}` : ''}, analytic not)${all ? '' : ' among the wrong ones'}: ` +
      `is the ReLU mask missing ${where} (ReLU′ = 1 on active units, 0 on inactive ones; leaky ReLU′ = the slope there)?`
    );
  }
  if (p.wrong < p.units)
    return `Only ${p.wrong} of ${p.units} units are wrong, as when a ReLU's derivative is missing (units active on every example have ReLU′ = 1 and stay right): is the ReLU mask (or another activation's derivative) missing ${where}?`;
  return `Is the activation's derivative (tanh′ = 1 − h², σ′ = σ(1 − σ), ReLU′, softplus′ = σ) missing or wrong ${where}?`;
}

/** The lowest layer k such that the layers above it are right and fully compared, and lower feeds them. */
function boundary(input: DiagnosisInput, layers: readonly Layer[]): number | undefined {
  const wrong = (l: Layer) => groupsOf(l).some((g) => failingOf(input, compared(input, g)).length > 0);
  const whole = (l: Layer) => groupsOf(l).every((g) => fullyCompared(input, g));
  for (let k = layers.length - 2; k >= 0; k--) {
    const above = layers.slice(k + 1);
    if (!feeds(layers[k], layers[k + 1]) || above.some(wrong) || !above.every(whole) || !whole(layers[k])) continue;
    return k;
  }
  return undefined;
}

/**
 * Where the error enters a layered network, when no factor explains it (as over a batch, where
 * a missing tanh′ = 1 − h² scales each example differently): the layers above a hidden
 * activation are right, and the weights of the layer below it are wrong in at least two units
 * (a bias wrong beside a right weight is not this: a missing derivative breaks the weight too).
 * Units whose numerical gradient is exactly 0 but whose analytic one is not are units that are
 * off: the ReLU mask is named.
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
  const k = boundary(input, layers);
  if (k === undefined) return undefined;
  const lower = layers[k];
  const pattern = unitPattern(input, lower);
  // Two wrong units, or one that is off (its gradient should be exactly 0: a ReLU mask's evidence on its own).
  if (pattern.wrong < Math.min(2, pattern.units) && pattern.off.length === 0) return undefined;
  const below = layers
    .slice(0, k + 1)
    .flatMap(groupsOf)
    .filter((g) => failingOf(input, compared(input, g)).length > 0);
  if (below.some((g) => explained.has(g.name))) return undefined;
  const above = layers.slice(k + 1).flatMap(groupsOf);
  const right = above.map((g) => g.name);
  const W = lower.weight.name;
  const failingCount = below.reduce((s, g) => s + failingOf(input, compared(input, g)).length, 0);
  const upper = k + 1 === layers.length - 1 ? 'the output layer' : 'the layers above it';
  const offText =
    pattern.off.length > 0
      ? `; ${pattern.off.length} of them ${pattern.off.length === 1 ? 'is' : 'are'} off (n = 0, a ≠ 0${lower.bias ? ` on ${lower.bias.name}` : ''})`
      : '';
  return finding({
    kind: 'enters-at',
    paths: below.map((g) => g.name),
    message:
      `The error enters at the hidden activation that ${W} feeds: ${upper} (${nameList(right)}) ${upper === 'the output layer' ? 'is' : 'are'} right, every wrong tensor is below that activation (${nameList(below.map((g) => g.name))}). ` +
      advice(lower, layers[k + 1], pattern),
    evidence: `${nameList(right)} agree on every entry; ${pattern.wrong} of ${pattern.units} units of ${W} ${pattern.wrong === 1 ? 'disagrees' : 'disagree'}${offText}; no constant factor per unit fits`,
    explained: failingCount,
    failingCount,
  });
}
