// A Vitest user's types: `import 'gradcheck/vitest'` adds the matchers to Vitest's assertions.
import { expect } from 'vitest';
import 'gradcheck/vitest';

const loss = ([x, y]: number[]) => x * y;
expect(loss).toHaveGradient(([x, y]: number[]) => [y, x], { at: [1, 2] });
expect([1, 2]).toBeAllClose([1, 2], { rtol: 1e-9 });
// @ts-expect-error options.at is required
expect(loss).toHaveGradient([0, 0], {});
