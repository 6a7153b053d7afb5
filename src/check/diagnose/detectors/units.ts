import type { EntryGroup } from '../types.js';

/** A layer of a network as the groups show it: a weight matrix (units × inputs) and maybe its bias. */
export interface Layer {
  readonly weight: EntryGroup;
  readonly bias?: EntryGroup;
}

/** The name with its last word taken out ('fc1.weight' → 'fc1.', 'W1' → '1'), to pair weights with biases. */
function stem(name: string): string {
  return name.replace(/(weight|bias|kernel|[WwBb])(?=\d*$)/, '').replace(/^\.|\.$/, '');
}

/**
 * The layers of θ: each 2-D group with the 1-D group of as many entries as it has rows that
 * shares its name's stem (W1 with b1, fc1.weight with fc1.bias) or, failing that, comes right
 * after it.
 *
 * @example
 * layersOf(groups).map((l) => [l.weight.name, l.bias?.name]); // [['W1', 'b1'], ['W2', 'b2']]
 */
export function layersOf(groups: readonly EntryGroup[]): Layer[] {
  const used = new Set<EntryGroup>();
  const layers: Layer[] = [];
  groups.forEach((g, at) => {
    if (g.shape.length !== 2) return;
    const rows = g.shape[0];
    const fits = (b: EntryGroup | undefined) => b !== undefined && b.shape.length === 1 && b.shape[0] === rows && !used.has(b);
    const named = groups.find((b) => fits(b) && stem(b.name) === stem(g.name));
    const bias = named ?? (fits(groups[at + 1]) ? groups[at + 1] : undefined);
    if (bias) used.add(bias);
    layers.push(bias ? { weight: g, bias } : { weight: g });
  });
  return layers;
}

/**
 * Whether `upper` takes `lower`'s outputs as its inputs: its columns are lower's units (or one
 * more, a bias column as in the course network's Theta2 = [b, W]).
 *
 * @example
 * feeds(layer1, layer2); // true for W1 (5×4) and W2 (3×5)
 */
export function feeds(lower: Layer, upper: Layer): boolean {
  const units = lower.weight.shape[0];
  const inputs = upper.weight.shape[1];
  return inputs === units || inputs === units + 1;
}

/**
 * The flat indices of unit u of a layer: row u of the weight and the bias entry u.
 *
 * @example
 * unitIndices(layer, 0); // W1[0][0…3] and b1[0]
 */
export function unitIndices(layer: Layer, u: number): number[] {
  const cols = layer.weight.shape[1];
  const row = layer.weight.indices.slice(u * cols, (u + 1) * cols);
  return layer.bias ? [...row, layer.bias.indices[u]] : row;
}
