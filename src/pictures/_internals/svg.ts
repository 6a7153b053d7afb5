import { escapeXml } from './escape.js';

/** Attribute values: numbers are rounded to 0.01 px, which keeps large pictures small. */
export type Attributes = Record<string, string | number | undefined>;

/**
 * A coordinate or length as SVG text, at most two decimals.
 *
 * @example
 * px(1 / 3); // '0.33'
 * @internal
 */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function attributes(attrs: Attributes): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === 'number' ? px(value) : escapeXml(value)}"`;
  }
  return out;
}

/**
 * One SVG element. Attribute values are escaped here; `children` is markup already built by
 * `element` or `text` (never raw user text), so every string from a report passes through
 * `escapeXml` exactly once.
 *
 * @example
 * element('rect', { x: 0, y: 0, width: 10, height: 10, fill: '#fff' }); // '<rect x="0" … />'
 * @internal
 */
export function element(name: string, attrs: Attributes, children?: string): string {
  return children === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/**
 * A `<text>` element holding `content` (escaped).
 *
 * @example
 * text(4, 12, 'W1 <2×3>', { 'font-size': 12 }); // '<text x="4" y="12" font-size="12">W1 &lt;2×3&gt;</text>'
 * @internal
 */
export function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
  return element('text', { x, y, ...attrs }, escapeXml(content));
}
