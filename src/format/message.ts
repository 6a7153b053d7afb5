import type { Mismatch, ReportData, TensorInfo } from '../check/report.js';
import { displayPath } from '../numeric/tree.js';
import { blockMaps, blockNote, renderErrorMap } from './errorMap.js';
import type { Paint } from './paint.js';
import { formatError, formatValue, renderTable } from './table.js';
import { type Wording, wordingOf } from './wording.js';

import { PLAIN as PLAIN_PAINT } from './paint.js';

export { PLAIN, type Paint } from './paint.js';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many of the worst entries the table shows. */
export const TABLE_ROWS = 10;

/** The default reference text: the method, step and precision of the settings. */
function referenceText(report: ReportData): string {
  const s = report.settings;
  const method = s.method === 'richardson' ? 'Richardson-extrapolated central differences' : `${s.method} differences`;
  return `${method}, step ${formatValue(s.step)}·max(1, |θᵢ|), ${s.precision}`;
}

function summaryLine(report: ReportData, wording: Wording): string {
  const parts = [
    `${report.details.disagreeing ?? report.mismatches.length} of ${report.checked} ${wording.unit} disagree`,
    `max abs error ${formatError(report.maxAbsError)}`,
    `max rel error ${formatError(report.maxRelError)}`,
    `relative difference ${formatError(report.relativeDifference)}`,
  ];
  if (report.evaluations > 0) parts.push(`${report.evaluations} ${report.details.evaluationsOf ?? 'evaluations of f'}`);
  return parts.join(' · ');
}

function worstTable(mismatches: readonly Mismatch[], wording: Wording, paint: Paint): string[] {
  const shown = mismatches.slice(0, TABLE_ROWS);
  const lines = renderTable(
    ['path', wording.analytic, wording.numeric, 'abs error', 'rel error'],
    shown.map((m) => [m.path, formatValue(m.analytic), formatValue(m.numeric), formatError(m.absError), formatError(m.relError)]),
    [(t) => t, paint.received, paint.expected, (t) => t, (t) => t],
  );
  if (mismatches.length > shown.length) lines.push(paint.dim(`…and ${mismatches.length - shown.length} more`));
  return lines.map((l) => `  ${l}`);
}

/** The flat indices of the failing entries (for a matrix check: of the matrix, row-major). */
function wrongIndices(report: ReportData): number[] {
  return report.mismatches.map((m) => m.index);
}

/** One map per wrong 2-D tensor of the entries' space (or per wrong block of a matrix check). */
function errorMaps(report: ReportData, paint: Paint): string[] {
  const wrong = wrongIndices(report);
  const { blocks, columns } = report.details;
  if (blocks && columns !== undefined) return blockMaps(blocks, wrong, columns, paint);
  const byTensor = new Map<TensorInfo, Set<number>>();
  for (const index of wrong) {
    const tensor = report.tensors.find((t) => index >= t.offset && index < t.offset + t.size);
    if (tensor?.shape.length !== 2) continue;
    let set = byTensor.get(tensor);
    if (!set) byTensor.set(tensor, (set = new Set()));
    set.add(index - tensor.offset);
  }
  const out: string[] = [];
  for (const [tensor, cells] of byTensor) {
    out.push('', ...renderErrorMap(displayPath(tensor.name), tensor.shape[0], tensor.shape[1], cells, paint));
  }
  return out;
}

/** How the message is printed: in the runner's colours, and for `expect(…).not`. */
export interface RenderOptions {
  readonly paint?: Paint;
  /** The report is printed because `.not` failed on a passing check. */
  readonly negated?: boolean;
}

/** The first sentence: the verdict. */
function verdictLine(report: ReportData, wording: Wording, negated: boolean): string {
  const { analytic, numeric, subject, unit } = wording;
  const s = report.settings;
  const agreeing = `all ${report.checked} ${unit} agree`;
  if (report.pass && negated) return `Expected the ${analytic} ${subject} not to match the ${numeric} one, but ${agreeing}.`;
  if (report.pass) return `The ${analytic} ${subject} matches the ${numeric} one: ${agreeing}.`;
  if (report.mismatches.length > 0) return `The ${analytic} ${subject} disagrees with the ${numeric} one.`;
  if (s.maxRelativeDifference !== undefined && !(report.relativeDifference < s.maxRelativeDifference))
    return `The ${analytic} ${subject} agrees entry by entry, but not as closely as maxRelativeDifference demands.`;
  return `The ${analytic} ${subject} check failed (see the diagnosis).`;
}

/** The verdict, the summary, the reference and tolerance, the global criterion, the notes. */
function headerLines(report: ReportData, wording: Wording, options: RenderOptions, paint: Paint): string[] {
  const s = report.settings;
  const lines = [verdictLine(report, wording, options.negated === true), summaryLine(report, wording)];
  const rule = wording.showTolerance
    ? ` An entry agrees when |a − n| ≤ ${formatValue(s.atol)} + ${formatValue(s.rtol)}·max(|a|, |n|) + the error estimate of n.`
    : '';
  const reference = report.details.reference || referenceText(report);
  lines.push(paint.dim(`${capitalise(wording.numeric)}: ${reference}.${rule}`));
  if (s.maxRelativeDifference !== undefined) {
    const ok = report.relativeDifference < s.maxRelativeDifference;
    lines.push(
      `Relative difference ‖a − n‖/‖a + n‖ = ${formatError(report.relativeDifference)} ${ok ? 'is under' : 'is NOT under'} maxRelativeDifference ${formatValue(s.maxRelativeDifference)}.`,
    );
  }
  lines.push(...report.details.notes);
  const { blocks, columns } = report.details;
  const note = blocks && columns !== undefined ? blockNote(blocks, wrongIndices(report), columns) : undefined;
  if (note) lines.push(note);
  return lines;
}

/** One bullet per hint; a diagnosis' evidence (its fit and residual) dimmed beneath it. */
function diagnosisLines(report: ReportData, paint: Paint): string[] {
  const evidence = new Map(report.diagnoses.map((d) => [d.message, d.evidence]));
  return report.hints.flatMap((h) => {
    const why = evidence.get(h);
    return why ? [`  • ${h}`, paint.dim(`    (${why})`)] : [`  • ${h}`];
  });
}

/** The worst entries, the error maps, the diagnoses and the entries not judged. */
function bodyLines(report: ReportData, wording: Wording, paint: Paint): string[] {
  const lines: string[] = [];
  if (report.mismatches.length > 0) {
    lines.push('', `Worst ${wording.tableUnit}:`, ...worstTable(report.mismatches, wording, paint));
    const skipped = report.details.notRechecked;
    if (skipped > 0)
      lines.push(
        paint.dim(`  (${skipped} of them were beyond the re-check budget: their verdict comes from the first pass alone)`),
      );
    lines.push(...errorMaps(report, paint));
  }
  if (report.hints.length > 0) lines.push('', 'Diagnosis:', ...diagnosisLines(report, paint));
  if (report.unresolved.length > 0) {
    const shown = report.unresolved.slice(0, 5).map((u) => `${u.path} (±${formatError(u.errorEstimate)})`);
    const more = report.unresolved.length > 5 ? `, …and ${report.unresolved.length - 5} more` : '';
    lines.push(
      '',
      `Not judged: ${report.unresolved.length} ${wording.unit} are smaller than the numerical error can resolve: ${shown.join(', ')}${more}.`,
      paint.dim('  Try method: "richardson", a different step, or float64 code, to judge them.'),
    );
  }
  return lines;
}

/**
 * The readable report of any check: a verdict sentence, one summary line, the tolerance used,
 * a table of the worst entries, a map of wrong entries for every matrix, then diagnoses, kinks
 * and unresolved entries. Plain text unless `options.paint` colours it.
 *
 * @example
 * renderMessage(checkGradient(f, grad, { at: [1, 2] }));
 * // 'The analytic gradient matches the numeric one: all 2 entries agree.\n…'
 */
export function renderMessage(report: ReportData, options: RenderOptions = {}): string {
  const wording = wordingOf(report);
  const paint = options.paint ?? PLAIN_PAINT;
  return [...headerLines(report, wording, options, paint), ...bodyLines(report, wording, paint)].join('\n');
}
