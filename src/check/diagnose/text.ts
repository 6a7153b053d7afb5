import { formatValue } from '../../numeric/numberText.js';

/**
 * A number as stated in diagnoses (6 significant digits, true minus sign).
 *
 * @example
 * num(-0.05); // '−0.05'
 */
export function num(x: number): string {
  return formatValue(x).replace(/^-/, '−');
}

/**
 * A fit's relative residual as stated in evidence.
 *
 * @example
 * residualText(2.07e-12); // 'residual 2.1e-12'
 */
export function residualText(r: number): string {
  return `residual ${r === 0 ? '0' : r.toExponential(1)}`;
}

/**
 * A count of entries.
 *
 * @example
 * entries(1); // '1 entry'
 */
export function entries(n: number): string {
  return n === 1 ? '1 entry' : `${n} entries`;
}

/**
 * Names listed in a sentence.
 *
 * @example
 * nameList(['W1', 'b1', 'W2']); // 'W1, b1 and W2'
 */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A shape as stated in diagnoses.
 *
 * @example
 * shapeText([3, 6]); // '3×6'
 */
export function shapeText(shape: readonly number[]): string {
  return shape.join('×');
}

/**
 * A coefficient written as a multiplier of θ (or of another basis function).
 *
 * @example
 * termText(0.2, 'θ'); // '0.2·θ'
 */
export function termText(c: number, basis: string): string {
  return `${num(c)}·${basis}`;
}
