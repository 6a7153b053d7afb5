/** The TF.js tensor adapter honours the same interface as the built-in ones. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tensorAdapter } from '../../src/tfjs/adapter.js';
import { writeFirstTensorQuietly } from '../tfjs/quietBanner.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  writeFirstTensorQuietly(tf); // no "install tfjs-node" banner
});

describe('the TF.js tensor adapter', () => {
  const tensors = tensorAdapter(tf as never);

  it('detects tensors structurally, and nothing else', () => {
    expect(tensors.is(tf.tensor2d([[1, 2]]))).toBe(true);
    expect(tensors.is([[1, 2]])).toBe(false);
    expect(tensors.is(new Float32Array(2))).toBe(false);
  });

  it('reads shape and row-major values, float32, and builds a tensor of the same shape', () => {
    tf.tidy(() => {
      const like = tf.tensor2d([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      expect(tensors.shape(like)).toEqual([2, 3]);
      expect([...tensors.read(like)]).toEqual([1, 2, 3, 4, 5, 6]);
      expect(tensors.dtype?.(like)).toBe('float32');
      const built = tensors.build(Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6), like);
      expect(built.shape).toEqual([2, 3]);
      expect(built.dtype).toBe('float32');
      expect([...tensors.read(built)]).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map(Math.fround));
      expect(tensors.locate).toBeUndefined(); // tensors are immutable: built afresh
    });
  });

  it('is one adapter per namespace', () => {
    expect(tensorAdapter(tf as never)).toBe(tensors);
  });
});
