import { text } from './svg.js';
import { BODY_SIZE, CHAR_WIDTH, INK, MARGIN, MUTED, SMALL_SIZE, WIDTH } from './theme.js';

/** At most this many lines per caption, so one long diagnosis cannot push the picture off screen. */
const MAX_LINES = 5;

/**
 * Splits `text` into lines of at most `width` characters at spaces (a longer word is cut),
 * keeping at most `maxLines` (the last ends in "…" when text was left out).
 *
 * @example
 * wrapText('the quick brown fox', 9); // ['the quick', 'brown fox']
 * @internal
 */
export function wrapText(content: string, width: number, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter((w) => w !== '')) {
    const pieces = word.match(new RegExp(`.{1,${Math.max(1, width)}}`, 'gu')) ?? [word];
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(0, width - 1))}…`;
  return kept;
}

/**
 * A heading and numbered captions (the diagnoses, then notes such as kinks) at height `top`.
 *
 * @example
 * captions(300, 'Diagnosis', ['Entry W[0][1] has the wrong sign.']).height; // 40
 * @internal
 */
export function captions(top: number, heading: string, items: readonly string[]): { svg: string; height: number } {
  if (items.length === 0) return { svg: '', height: 0 };
  const lineHeight = BODY_SIZE + 4;
  const width = Math.floor((WIDTH - 2 * MARGIN - 16) / (CHAR_WIDTH * BODY_SIZE));
  const out: string[] = [
    text(MARGIN, top + SMALL_SIZE + 4, heading.toUpperCase(), {
      'font-size': SMALL_SIZE,
      fill: MUTED,
      'font-weight': 'bold',
      'letter-spacing': 0.5,
    }),
  ];
  let y = top + SMALL_SIZE + 8;
  items.forEach((item, k) => {
    const lines = wrapText(item, width);
    out.push(text(MARGIN, y + BODY_SIZE, `${k + 1}.`, { 'font-size': BODY_SIZE, fill: MUTED }));
    for (const line of lines) {
      y += lineHeight;
      out.push(text(MARGIN + 16, y - 4, line, { 'font-size': BODY_SIZE, fill: INK }));
    }
    y += 4;
  });
  return { svg: out.join(''), height: y - top + 4 };
}
