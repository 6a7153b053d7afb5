import type { GradientReport, Mismatch } from '../check/report.js';
import type { Tensor, TreeLayout } from '../numeric/tree.js';
import { displayPath } from '../numeric/tree.js';
import { renderErrorMap } from './errorMap.js';
import { formatError, formatValue, renderTable } from './table.js';

/** Colours for the message; the matchers pass Vitest's or Jest's, the plain text uses none. */
export interface Paint {
  /** The reference values (numerical derivatives, expected arrays). */
  expected(text: string): string;
  /** The values under test (the analytic gradient, actual arrays). */
  received(text: string): string;
  /** Secondary text. */
  dim(text: string): string;
}

/** No colours: the text stored in `report.message`. */
export const PLAIN: Paint = { expected: (t) => t, received: (t) => t, dim: (t) => t };

/** What the report is about, for its wording. */
export interface MessageContext {
  /** `gradient`, `derivative`, `Jacobian`, `vector–Jacobian product`, … */
  readonly subject: string;
  /** Column and sentence label for the values under test. @defaultValue 'analytic' */
  readonly analyticLabel?: string;
  /** Column and sentence label for the reference values. @defaultValue 'numeric' */
  readonly numericLabel?: string;
  /** How the reference was obtained; derived from the settings when omitted. */
  readonly reference?: string;
  /** Noun for what is compared. @defaultValue 'entries' */
  readonly unit?: string;
  /** What a call of f is called in the summary. @defaultValue 'evaluations of f' */
  readonly evaluationsLabel?: string;
  /** Failing entries the re-check budget did not reach (their verdict is the first pass's). */
  readonly notRechecked?: number;
  /** Extra lines placed under the summary (fast mode's directions, …). */
  readonly notes?: readonly string[];
  /** Whether to print the tolerance line. @defaultValue true */
  readonly showTolerance?: boolean;
  /** How many of the `checked` items disagree, when that is not `mismatches.length` (fast mode's directions). */
  readonly disagreeing?: number;
  /** Noun for the rows of the worst-entries table, when not `unit`. */
  readonly tableUnit?: string;
  /** Error maps to print instead of the per-tensor maps of θ (a Jacobian's blocks). */
  readonly maps?: (paint: Paint) => readonly string[];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many of the worst entries the table shows. */
export const TABLE_ROWS = 10;

function referenceText(report: Omit<GradientReport, 'message'>): string {
  const s = report.settings;
  const method = s.method === 'richardson' ? 'Richardson-extrapolated central differences' : `${s.method} differences`;
  return `${method}, step ${formatValue(s.step)}·max(1, |θᵢ|), ${s.precision}`;
}

function summaryLine(report: Omit<GradientReport, 'message'>, context: MessageContext): string {
  const unit = context.unit ?? 'entries';
  const parts = [
    `${context.disagreeing ?? report.mismatches.length} of ${report.checked} ${unit} disagree`,
    `max abs error ${formatError(report.maxAbsError)}`,
    `max rel error ${formatError(report.maxRelError)}`,
    `relative difference ${formatError(report.relativeDifference)}`,
  ];
  if (report.evaluations > 0) parts.push(`${report.evaluations} ${context.evaluationsLabel ?? 'evaluations of f'}`);
  return parts.join(' · ');
}

function worstTable(mismatches: readonly Mismatch[], context: MessageContext, paint: Paint): string[] {
  const shown = mismatches.slice(0, TABLE_ROWS);
  const lines = renderTable(
    ['path', context.analyticLabel ?? 'analytic', context.numericLabel ?? 'numeric', 'abs error', 'rel error'],
    shown.map((m) => [m.path, formatValue(m.analytic), formatValue(m.numeric), formatError(m.absError), formatError(m.relError)]),
    [(t) => t, paint.received, paint.expected, (t) => t, (t) => t],
  );
  if (mismatches.length > shown.length) lines.push(paint.dim(`…and ${mismatches.length - shown.length} more`));
  return lines.map((l) => `  ${l}`);
}

function errorMaps(mismatches: readonly Mismatch[], layout: TreeLayout | undefined, paint: Paint): string[] {
  if (!layout) return [];
  const byTensor = new Map<Tensor, Set<number>>();
  for (const m of mismatches) {
    const tensor = layout.tensorAt(m.index);
    if (tensor.shape.length !== 2) continue;
    let set = byTensor.get(tensor);
    if (!set) byTensor.set(tensor, (set = new Set()));
    set.add(m.index - tensor.offset);
  }
  const out: string[] = [];
  for (const [tensor, wrong] of byTensor) {
    out.push('', ...renderErrorMap(displayPath(tensor.name), tensor.shape[0], tensor.shape[1], wrong, paint));
  }
  return out;
}

/**
 * The readable report: a verdict sentence, one summary line, the tolerance used, a table of
 * the worst entries, a map of wrong entries for every matrix, then diagnoses, kinks and
 * unresolved entries.
 * @internal
 */
export function renderMessage(
  report: Omit<GradientReport, 'message'>,
  layout: TreeLayout | undefined,
  context: MessageContext,
  paint: Paint,
): string {
  const analytic = context.analyticLabel ?? 'analytic';
  const numeric = context.numericLabel ?? 'numeric';
  const unit = context.unit ?? 'entries';
  const reference = context.reference ?? referenceText(report);
  const lines: string[] = [];
  const s = report.settings;
  if (report.pass) {
    lines.push(
      `Expected the ${analytic} ${context.subject} not to match the ${numeric} one, but all ${report.checked} ${unit} agree.`,
    );
  } else if (report.mismatches.length > 0) {
    lines.push(`The ${analytic} ${context.subject} disagrees with the ${numeric} one.`);
  } else if (s.maxRelativeDifference !== undefined && !(report.relativeDifference < s.maxRelativeDifference)) {
    lines.push(`The ${analytic} ${context.subject} agrees entry by entry, but not as closely as maxRelativeDifference demands.`);
  } else {
    lines.push(`The ${analytic} ${context.subject} check failed (see the diagnosis).`);
  }
  lines.push(summaryLine(report, context));
  const rule =
    context.showTolerance === false
      ? ''
      : ` An entry agrees when |a − n| ≤ ${formatValue(s.atol)} + ${formatValue(s.rtol)}·max(|a|, |n|) + the error estimate of n.`;
  lines.push(paint.dim(`${capitalise(numeric)}: ${reference}.${rule}`));
  if (s.maxRelativeDifference !== undefined) {
    const ok = report.relativeDifference < s.maxRelativeDifference;
    lines.push(
      `Relative difference ‖a − n‖/‖a + n‖ = ${formatError(report.relativeDifference)} ${ok ? 'is under' : 'is NOT under'} maxRelativeDifference ${formatValue(s.maxRelativeDifference)}.`,
    );
  }
  if (context.notes) lines.push(...context.notes);
  if (report.mismatches.length > 0) {
    lines.push('', `Worst ${context.tableUnit ?? unit}:`, ...worstTable(report.mismatches, context, paint));
    if (context.notRechecked) {
      lines.push(
        paint.dim(
          `  (${context.notRechecked} of them were beyond the re-check budget: their verdict comes from the first pass alone)`,
        ),
      );
    }
    lines.push(...(context.maps ? context.maps(paint) : errorMaps(report.mismatches, layout, paint)));
  }
  if (report.hints.length > 0) lines.push('', 'Diagnosis:', ...report.hints.map((h) => `  • ${h}`));
  if (report.unresolved.length > 0) {
    const shown = report.unresolved.slice(0, 5).map((u) => `${u.path} (±${formatError(u.errorEstimate)})`);
    const more = report.unresolved.length > 5 ? `, …and ${report.unresolved.length - 5} more` : '';
    lines.push(
      '',
      `Not judged: ${report.unresolved.length} ${unit} are smaller than the numerical error can resolve: ${shown.join(', ')}${more}.`,
      paint.dim('  Try method: "richardson", a different step, or float64 code, to judge them.'),
    );
  }
  return lines.join('\n');
}
