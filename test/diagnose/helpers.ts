import { stripVTControlCharacters } from 'node:util';
import { expect } from 'vitest';
import type { GradientReport } from 'gradcheck';

/** The hints matching `pattern` (exactly one is expected), as plain text. */
export function hintMatching(report: GradientReport, pattern: RegExp): string {
  const found = report.hints.filter((h) => pattern.test(stripVTControlCharacters(h)));
  expect(found, `hints were:\n${report.hints.join('\n')}`).toHaveLength(1);
  return stripVTControlCharacters(found[0]);
}

/** The residual a hint states ("residual 2.1e-12"), as a number. */
export function statedResidual(hint: string): number {
  const m = /residual (\d(?:\.\d)?e-\d+|0)\b/.exec(hint);
  expect(m, `no residual in: ${hint}`).not.toBeNull();
  return Number((m as RegExpExecArray)[1]);
}

/** The message's Diagnosis section, one bullet per hint. */
export function diagnosisSection(report: GradientReport): string {
  const text = stripVTControlCharacters(report.message);
  const at = text.indexOf('\nDiagnosis:\n');
  expect(at, text).toBeGreaterThanOrEqual(0);
  return text.slice(at);
}
