/**
 * Reading and writing the numbers of an argument in flat order, for the async replay's keys
 * and its replay of writes into θ. The order is the parameter-tree order (object keys in
 * insertion order, arrays row-major), but the replay only needs it to be the same for the same
 * structure: it never mixes these indices with another reader's.
 */

/** A reusable reader: one growing buffer, so the hot path (every call of f) allocates nothing. */
export class FlatReader {
  private buffer = new Float64Array(64);
  private length = 0;

  /**
   * The numbers of `tree` in flat order: a view of the reader's buffer, valid until the next
   * read (copy it to keep it). Anything that is not a number, a typed array, an array or a
   * plain object reads as one NaN: the synchronous check rejects it with its own message.
   *
   * @example
   * new FlatReader().read({ W: [[1, 2]], b: new Float64Array([3]) }); // Float64Array [1, 2, 3]
   */
  read(tree: unknown): Float64Array {
    this.length = 0;
    this.walk(tree);
    return this.buffer.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Float64Array(Math.max(2 * this.buffer.length, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private walk(node: unknown): void {
    if (typeof node === 'number') {
      this.reserve(1);
      this.buffer[this.length++] = node;
    } else if (node instanceof Float64Array || node instanceof Float32Array) {
      this.reserve(node.length);
      this.buffer.set(node, this.length);
      this.length += node.length;
    } else if (Array.isArray(node)) {
      for (const item of node) this.walk(item);
    } else if (node !== null && typeof node === 'object' && !ArrayBuffer.isView(node)) {
      for (const key of Object.keys(node)) this.walk((node as Record<string, unknown>)[key]);
    } else {
      this.reserve(1);
      this.buffer[this.length++] = Number.NaN;
    }
  }
}

/**
 * Stores `value` at flat index `index` of `tree` in place (the inverse of `FlatReader.read`);
 * returns how many entries it walked past, or -1 once it has written.
 *
 * @example
 * const theta = { W: [[1, 2]], b: [3] };
 * writeFlat(theta, 2, 7); // theta.b[0] === 7
 */
export function writeFlat(tree: unknown, index: number, value: number): number {
  if (tree instanceof Float64Array || tree instanceof Float32Array) {
    if (index >= tree.length) return tree.length;
    tree[index] = value;
    return -1;
  }
  if (Array.isArray(tree)) {
    let seen = 0;
    for (let k = 0; k < tree.length; k++) {
      const item = tree[k];
      if (typeof item === 'number') {
        if (seen === index) {
          tree[k] = value;
          return -1;
        }
        seen++;
      } else {
        const inner = writeFlat(item, index - seen, value);
        if (inner < 0) return -1;
        seen += inner;
      }
    }
    return seen;
  }
  if (tree !== null && typeof tree === 'object') {
    let seen = 0;
    for (const key of Object.keys(tree)) {
      const record = tree as Record<string, unknown>;
      if (typeof record[key] === 'number') {
        if (seen === index) {
          record[key] = value;
          return -1;
        }
        seen++;
      } else {
        const inner = writeFlat(record[key], index - seen, value);
        if (inner < 0) return -1;
        seen += inner;
      }
    }
    return seen;
  }
  return 1;
}
