import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFirstTensorQuietly } from './quietBanner.js';

// This file has its own TF.js instance (Vitest isolates test files), so the CPU backend has not
// written a tensor yet when the first test starts.
describe('no TF.js Node banner in the test output, and real TF.js warnings still shown', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('the first tensor is written without the "Hi, looks like you are running TensorFlow.js" banner', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await tf.setBackend('cpu');
    writeFirstTensorQuietly(tf);
    tf.tensor([1, 2, 3]).dispose();
    expect(warn).not.toHaveBeenCalled();
    expect(tf.env().getBool('PROD')).toBe(false); // not prod mode: warnings are not all muted
  });

  it('a real TF.js warning (a kernel registered twice) still reaches console.warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const kernel = tf.getKernel('Abs', 'cpu');
    expect(kernel).toBeDefined();
    tf.registerKernel(kernel!);
    expect(warn).toHaveBeenCalledWith("The kernel 'Abs' for backend 'cpu' is already registered");
  });
});
