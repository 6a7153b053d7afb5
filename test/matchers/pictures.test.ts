// The real matchers attach the report's heatmap to the running Vitest test: on failure by default,
// on a pass only with pictures: 'always', never with pictures: false.
import { Buffer } from 'node:buffer';
import { describe, expect, onTestFinished, test } from 'vitest';
import 'gradcheck/vitest';

const loss = ([w, b]: number[]) => (2 * w + b - 1) ** 2;
const grad = ([w, b]: number[]) => [4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
const wrong = ([w, b]: number[]) => [-4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
const at = [0.3, -0.2];
const svgOf = (body: unknown) => Buffer.from(String(body), 'base64').toString('utf8');

describe('pictures from the matchers', () => {
  test('a failing toHaveGradient attaches an image/svg+xml heatmap', () => {
    onTestFinished(({ task }) => {
      expect(task.annotations).toHaveLength(1);
      const [a] = task.annotations;
      expect(a.attachment?.contentType).toBe('image/svg+xml');
      expect(svgOf(a.attachment?.body)).toMatch(/^<svg[^>]*>.*Sign error at \[0\]/s);
    });
    expect(() => expect(loss).toHaveGradient(wrong, { at })).toThrow(/disagrees/);
  });

  test("a pass attaches nothing by default, a heatmap with pictures: 'always', and nothing with false", () => {
    onTestFinished(({ task }) => {
      expect(task.annotations.map((a) => a.attachment?.contentType)).toEqual(['image/svg+xml']);
    });
    expect(loss).toHaveGradient(grad, { at });
    expect(() => expect(loss).toHaveGradient(wrong, { at, pictures: false })).toThrow();
    expect(loss).toHaveGradient(grad, { at, pictures: 'always' });
  });

  test('.not: the assertion fails on a passing check, and that failure attaches the picture', () => {
    onTestFinished(({ task }) => {
      expect(task.annotations).toHaveLength(1);
    });
    expect(() => expect(loss).not.toHaveGradient(grad, { at })).toThrow(/not to match/);
  });
});
