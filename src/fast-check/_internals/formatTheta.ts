import { type Params, TreeLayout } from '../../numeric/tree.js';

/** Up to this many entries θ is printed whole; beyond, only its nonzero entries are listed. */
export const INLINE_ENTRIES = 24;

/** Nonzero entries listed for a large θ (a shrunk θ is mostly zeros). */
export const LISTED_ENTRIES = 10;

/**
 * θ for a failure message, compactly and exactly (numbers in their shortest round-trip form,
 * so a value can be pasted back): small trees whole (`{ W: [[0.5000000009313226, 0]], b: [0] }`),
 * large ones as their count of entries plus the nonzero ones by path.
 * @internal
 */
export function formatTheta(theta: unknown): string {
  let layout: TreeLayout;
  try {
    layout = TreeLayout.of(theta as Params);
  } catch {
    return String(theta);
  }
  if (layout.size <= INLINE_ENTRIES) return inline(theta);
  const nonzero: number[] = [];
  layout.values.forEach((v, i) => {
    if (v !== 0) nonzero.push(i);
  });
  const head = `${layout.size} entries, ${nonzero.length === 0 ? 'all zero' : `${nonzero.length} nonzero`}`;
  if (nonzero.length === 0) return `(${head})`;
  const listed = nonzero.slice(0, LISTED_ENTRIES).map((i) => `${layout.pathAt(i)} = ${number(layout.values[i])}`);
  const more = nonzero.length > LISTED_ENTRIES ? `, … ${nonzero.length - LISTED_ENTRIES} more` : '';
  return `(${head}: ${listed.join(', ')}${more})`;
}

function number(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

function inline(value: unknown): string {
  if (typeof value === 'number') return number(value);
  if (value instanceof Float32Array || value instanceof Float64Array) {
    return `${value.constructor.name} [${Array.from(value, number).join(', ')}]`;
  }
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inline(v)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return String(value);
}
