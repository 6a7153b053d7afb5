// TensorAdapter.release: gradcheck frees what user functions return once it has read it, and the
// seed values its working copies build and never hand to f; never the caller's own values.
import { type TensorAdapter, checkGradient, checkJacobian, registerTensorAdapter } from 'gradcheck';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * An immutable vector type (no `locate`); the adapter records which instances were released.
 * Its `shape` lets a one-entry Vec type as a `Loss` (a `ScalarTensor`).
 */
class Vec {
  constructor(readonly cells: Float64Array) {}
  get shape(): number[] {
    return [this.cells.length];
  }
}

const released = new Set<Vec>();
const made = new Set<Vec>();
const vecAdapter: TensorAdapter<Vec> = {
  name: 'Vec',
  is: (value): value is Vec => value instanceof Vec,
  shape: (v) => v.shape,
  read: (v) => {
    if (released.has(v)) throw new Error('read after release');
    return Float64Array.from(v.cells);
  },
  build: (values, like) => {
    const v = new Vec(Float64Array.from(values).subarray(0, like.cells.length));
    made.add(v);
    return v;
  },
  release: (v) => {
    if (released.has(v)) throw new Error('released twice');
    released.add(v);
  },
};
const unregister = registerTensorAdapter(vecAdapter);
afterAll(unregister);
beforeEach(() => {
  released.clear();
  made.clear();
});

const vec = (...xs: number[]) => new Vec(Float64Array.from(xs));
const sumSq = (v: Vec) => vec(v.cells.reduce((s, x) => s + x * x, 0));
const twice = (v: Vec) => vec(...v.cells.map((x) => 2 * x));

describe('TensorAdapter.release', () => {
  it("reads a one-entry tensor f returns as its loss, and frees it and grad's result; θ stays", () => {
    const at = vec(0.5, -1, 2);
    const returned: Vec[] = [];
    const received: Vec[] = [];
    const f = (v: Vec) => {
      received.push(v);
      const out = sumSq(v);
      returned.push(out);
      return out;
    };
    const g = (v: Vec) => {
      received.push(v);
      const out = twice(v);
      returned.push(out);
      return out;
    };
    const report = checkGradient(f, g, { at });
    expect([report.pass, report.evaluations]).toEqual([true, 6]);
    expect(returned.length).toBe(7);
    expect(returned.every((v) => released.has(v))).toBe(true);
    expect(released.has(at)).toBe(false);
    // Every value gradcheck built is handed to f or grad (theirs), or is a seed freed unused.
    const seeds = [...made].filter((v) => !received.includes(v));
    expect(received.length).toBe(7);
    expect(seeds.length).toBe(2); // the working copies of grad's call and of the driver's slot
    expect(seeds.every((v) => released.has(v))).toBe(true);
    expect(received.some((v) => released.has(v))).toBe(false);
  });

  it('a gradient or Jacobian given as a value stays the caller’s', () => {
    const at = vec(0.5, -1, 2);
    const gradient = vec(1, -2, 4);
    expect(checkGradient(sumSq, gradient, { at }).pass).toBe(true);
    expect(released.has(gradient)).toBe(false);
    const jac = [vec(2, 0, 0), vec(0, 2, 0), vec(0, 0, 2)];
    expect(checkJacobian(twice, jac, { at }).pass).toBe(true);
    expect(jac.some((row) => released.has(row))).toBe(false);
    expect(released.has(at)).toBe(false);
  });

  it('a tensor of several entries returned as a loss is refused, naming it, and freed', () => {
    let out: Vec | undefined;
    const f = (v: Vec) => {
      out = twice(v);
      return out;
    };
    expect(() => checkGradient(f, twice, { at: vec(1, 2) })).toThrow(
      /^checkGradient: f must return a number, but returned a 2 Vec /,
    );
    expect(released.has(out as Vec)).toBe(true);
  });

  it('registerTensorAdapter refuses a release or readAsync that is not a function', () => {
    expect(() => registerTensorAdapter({ ...vecAdapter, release: 1 as never })).toThrow(
      'registerTensorAdapter: adapter.release must be a function when given (adapter "Vec")',
    );
    expect(() => registerTensorAdapter({ ...vecAdapter, readAsync: 'data' as never })).toThrow(
      'registerTensorAdapter: adapter.readAsync must be a function when given (adapter "Vec")',
    );
  });
});
