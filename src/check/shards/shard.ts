import { createRandom, sampleIndices } from '../../numeric/random.js';
import { groupDigits } from '../timeAndProgress/plan.js';
import type { Settings, Shard } from '../settings/types.js';

/** The coordinates a full gradient check compares: every one, a sample, a shard of either. */
export interface Compared {
  /** The indices compared, or undefined for all of θ. */
  readonly indices: Int32Array | undefined;
  /** How many coordinates the whole check compares, over all its shards. */
  readonly coordinates: number;
}

/**
 * The coordinates of a full gradient check: the seeded sample (`sample`), then this shard's
 * share of them (`shard`). Shards are strided: shard k takes the (k−1)-th, (k−1+count)-th, …
 * of the compared coordinates in flat order. Strides rather than contiguous ranges: every
 * shard then holds a share of every tensor, so one wrong tensor's re-checks (and its cost) are
 * spread over all shards instead of landing on one, and each shard's own report already sees
 * every tensor. The shards of one check are disjoint and cover every compared coordinate.
 *
 * @example
 * comparedCoordinates(10, { ...settings, shard: { index: 2, count: 4 } }).indices; // Int32Array [1, 5, 9]
 */
export function comparedCoordinates(size: number, settings: Pick<Settings, 'sample' | 'seed' | 'shard'>): Compared {
  const sampled = settings.sample !== undefined ? sampleIndices(size, settings.sample, createRandom(settings.seed)) : undefined;
  const coordinates = sampled ? sampled.length : size;
  if (!settings.shard) return { indices: sampled, coordinates };
  return { indices: shareOf(sampled, size, settings.shard), coordinates };
}

/** Share `index` of `count` of the sampled coordinates (in increasing order) or of 0 … size − 1. */
function shareOf(sampled: Int32Array | undefined, size: number, shard: Shard): Int32Array {
  const length = sampled ? sampled.length : size;
  const out: number[] = [];
  for (let k = shard.index - 1; k < length; k += shard.count) out.push(sampled ? sampled[k] : k);
  return Int32Array.from(out);
}

/**
 * The note a shard's report carries.
 *
 * @example
 * shardNote({ index: 2, count: 4 }, 2403, 9610);
 * // 'Shard 2 of 4: 2 403 of the 9 610 coordinates compared; mergeReports joins the shards into the whole check.'
 */
export function shardNote(shard: Shard, compared: number, coordinates: number): string {
  return `Shard ${shard.index} of ${shard.count}: ${groupDigits(compared)} of the ${groupDigits(coordinates)} coordinates compared; mergeReports joins the shards into the whole check.`;
}
