import { escapeXml } from './escape.js';
import { FONT, INK, WIDTH } from './theme.js';

/**
 * Wraps a picture's body in the `<svg>` root: its size, a white background (the picture is
 * read on dark themes too), and accessible text (`<title>` and `<desc>`, referenced by
 * `aria-labelledby`, with `role="img"`). Self-contained: no scripts, styles or external
 * resources, so it renders the same inline, in an `<img>`, and in a data URL.
 *
 * @example
 * svgDocument('Gradient check passed', 'All 12 entries agree.', 80, '<g/>'); // '<svg xmlns=… </svg>'
 * @internal
 */
export function svgDocument(title: string, description: string, height: number, body: string): string {
  const h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${h}" viewBox="0 0 ${WIDTH} ${h}" role="img" aria-labelledby="gc-title gc-desc" font-family="${escapeXml(FONT)}" fill="${INK}">` +
    `<title id="gc-title">${escapeXml(title)}</title><desc id="gc-desc">${escapeXml(description)}</desc>` +
    `<rect width="${WIDTH}" height="${h}" fill="#ffffff"/>${body}</svg>`
  );
}
