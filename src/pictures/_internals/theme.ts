/**
 * Sizes, fonts and text colours shared by the pictures. WIDTH is what Vitest UI shows an
 * attached image at (it caps images at 600 px), so nothing is scaled down there.
 */
export const WIDTH = 600;
export const MARGIN = 12;
export const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, 'DejaVu Sans', sans-serif";
export const MONO = "ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace";
export const INK = '#1f2328';
export const MUTED = '#59636e';
export const PASS_INK = '#1a7f37';
export const FAIL_INK = '#b42318';

/** Font sizes, px. */
export const TITLE_SIZE = 15;
export const BODY_SIZE = 12;
export const SMALL_SIZE = 10;

/**
 * Approximate advance of one character, as a share of the font size, for a proportional
 * sans-serif: used to wrap captions and size label gutters without measuring text.
 */
export const CHAR_WIDTH = 0.53;

/**
 * Approximate width of `text` at `size` px, for layout.
 *
 * @example
 * textWidth('W1', 12); // ≈ 12.7
 * @internal
 */
export function textWidth(text: string, size: number): number {
  return [...text].length * CHAR_WIDTH * size;
}
