// A Jest user's types: `@jest/globals`' expect, augmented by `gradcheck/jest`.
import { expect } from '@jest/globals';
import type {} from 'gradcheck/jest';

const loss = ([x, y]: number[]) => x * y;
expect(loss).toHaveGradient(([x, y]: number[]) => [y, x], { at: [1, 2] });
expect(Math.sin).not.toHaveDerivative(Math.sin, { at: 0.5 });
// @ts-expect-error options.at is required
expect(loss).toHaveGradient([0, 0], {});
