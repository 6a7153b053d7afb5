import { stripVTControlCharacters } from 'node:util';
import { expect } from 'vitest';
import type { GradientReport, Params } from 'gradcheck';
import { explain, groupsOfLayout } from '../../../src/check/diagnose/index.js';
import type { DiagnosisInput, EntryGroup } from '../../../src/check/diagnose/types.js';
import type { CheckSettings, Diagnosis, DiagnosisKind } from '../../../src/check/report.js';
import { TreeLayout } from '../../../src/numeric/tree.js';

/** The hints matching `pattern` (exactly one is expected), as plain text. */
export function hintMatching(report: GradientReport, pattern: RegExp): string {
  const found = report.hints.filter((h) => pattern.test(stripVTControlCharacters(h)));
  expect(found, `hints were:\n${report.hints.join('\n')}`).toHaveLength(1);
  return stripVTControlCharacters(found[0]);
}

/** The residual some evidence states ("residual 2.1e-12"), as a number. */
export function statedResidual(text: string): number {
  const m = /residual (\d(?:\.\d)?e-\d+|0)\b/.exec(text);
  expect(m, `no residual in: ${text}`).not.toBeNull();
  return Number((m as RegExpExecArray)[1]);
}

/** The message's Diagnosis section, one bullet per hint. */
export function diagnosisSection(report: GradientReport): string {
  const text = stripVTControlCharacters(report.message);
  const at = text.indexOf('\nDiagnosis:\n');
  expect(at, text).toBeGreaterThanOrEqual(0);
  return text.slice(at);
}

/**
 * The registry's input from a full check's report: its flat values, error estimates and
 * verdicts, θ's tensors as groups, θ's values for the term fits (so tests need not wait for
 * the checks to build it themselves).
 */
export function inputFromReport(report: GradientReport, theta: Params): DiagnosisInput {
  const layout = TreeLayout.of(theta);
  const failing = new Uint8Array(report.analytic.length);
  for (const m of report.mismatches) failing[m.index] = 1;
  return {
    analytic: report.analytic,
    numeric: report.numeric,
    errors: report.errorEstimates,
    failing,
    groups: groupsOfLayout(layout),
    theta: layout.values,
    settings: report.settings,
    kinks: report.kinks,
  };
}

/**
 * The diagnoses of a report exactly as the check returned them: never recomputed, so a check
 * that drops `report.diagnoses` fails the tests that read them.
 */
export function diagnosesOf(report: GradientReport): readonly Diagnosis[] {
  return report.diagnoses;
}

/** The per-tensor notes of a report's input (the "Wrong: … Fine: …" summary). */
export function notesOf(report: GradientReport, theta: Params): string[] {
  return explain(inputFromReport(report, theta)).notes;
}

/** The one diagnosis of `kind` (exactly one is expected). */
export function diagnosisOf(diagnoses: readonly Diagnosis[], kind: DiagnosisKind): Diagnosis {
  const found = diagnoses.filter((d) => d.kind === kind);
  expect(found, `diagnoses were:\n${diagnoses.map((d) => `${d.kind}: ${d.message} [${d.evidence}]`).join('\n')}`).toHaveLength(1);
  return found[0];
}

/** Settings of a float64 central check (rtol 1e-5, atol 1e-10), for hand-built inputs. */
export const SETTINGS: CheckSettings = {
  method: 'central',
  step: 1e-4,
  precision: 'float64',
  rtol: 1e-5,
  atol: 1e-10,
  mode: 'full',
  seed: 0,
};

/** A group over flat indices [offset, offset + size) with a row-major shape and `name[i][j]` entry names. */
export function group(name: string, shape: readonly number[], offset: number): EntryGroup {
  const size = shape.reduce((p, q) => p * q, 1);
  return {
    name,
    shape,
    indices: Array.from({ length: size }, (_, k) => offset + k),
    entryName: (k) => (shape.length === 2 ? `${name}[${Math.floor(k / shape[1])}][${k % shape[1]}]` : `${name}[${k}]`),
  };
}

/** A hand-built input: failing where |a − n| exceeds the check's rule, error estimates 1e-12. */
export function handInput(
  analytic: readonly number[],
  numeric: readonly number[],
  groups: readonly EntryGroup[],
  theta?: readonly number[],
  settings: CheckSettings = SETTINGS,
): DiagnosisInput {
  const failing = Uint8Array.from(analytic, (a, i) => {
    const n = numeric[i];
    return Math.abs(a - n) > settings.atol + settings.rtol * Math.max(Math.abs(a), Math.abs(n)) + 1e-12 ? 1 : 0;
  });
  return {
    analytic: Float64Array.from(analytic),
    numeric: Float64Array.from(numeric),
    errors: new Float64Array(analytic.length).fill(1e-12),
    failing,
    groups,
    ...(theta ? { theta: Float64Array.from(theta) } : {}),
    settings,
  };
}
