/**
 * θ's working copies as drivers use them: a point's moves stored, f called on the copy, the
 * moves taken back — except an entry f overwrote, which keeps f's value so that the write stays
 * visible to the mutation guard.
 */
import type { TreeLayout, WorkingCopy } from '../tree.js';
import type { Point, Write } from './protocol.js';

/** One working copy of θ with the values actually stored by the last `move`. */
export class Slot {
  readonly copy: WorkingCopy;
  private stored: number[] = [];
  /** The point whose moves are in the copy now (between `move` and `restore`). */
  private moved: Point | undefined;

  constructor(private readonly layout: TreeLayout) {
    this.copy = layout.workingCopy();
  }

  /** Stores the point's entries; returns θ as f receives it. */
  move(point: Point): unknown {
    const { indices, values } = point;
    const stored = this.stored;
    stored.length = 0;
    for (let k = 0; k < indices.length; k++) stored.push(this.copy.set(indices[k], values[k]));
    this.moved = point;
    return this.copy.root();
  }

  /** Puts the moved entries back to θ's, unless f wrote into one of them. */
  restore(point: Point): void {
    const { indices } = point;
    const base = this.layout.values;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      if (Object.is(this.copy.get(i), this.stored[k])) this.copy.set(i, base[i]);
    }
    this.moved = undefined;
  }

  /** Restores the point still moved, if any (f threw before its caller could). */
  restoreMoved(): void {
    if (this.moved) this.restore(this.moved);
  }

  /** θ's entries as the copy holds them now (before a first call, to see what it writes). */
  snapshot(): Float64Array {
    return Float64Array.from({ length: this.layout.size }, (_, i) => this.copy.get(i));
  }

  /** The first entry that differs from `values`, as a write. */
  firstWrite(values: ArrayLike<number>): Write | undefined {
    const index = this.copy.firstDifference(values);
    return index < 0 ? undefined : { index, after: this.copy.get(index) };
  }

  /** Puts every entry back to θ's. */
  reset(): void {
    const base = this.layout.values;
    for (let i = 0; i < base.length; i++) this.copy.set(i, base[i]);
  }
}

/** The first write found in any of the slots (then all are reset): the answer to a look at 'now'. */
export function lookNow(slots: readonly Slot[], layout: TreeLayout): Write | undefined {
  let found: Write | undefined;
  for (const slot of slots) {
    found ??= slot.firstWrite(layout.values);
    if (found) slot.reset();
  }
  return found;
}
