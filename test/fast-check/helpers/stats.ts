import type { GradientReport } from 'gradcheck';

/** Entries smaller than this (in both a and n) are left out of the entrywise relative error. */
export const SIGNIFICANT = 1e-6;

/** The worst errors seen over many checks of a correct gradient (how far from a false alarm). */
export class ErrorStats {
  runs = 0;
  failures = 0;
  /** Worst ‖a − n‖ / ‖a + n‖ (the course's criterion) over the runs. */
  relativeDifference = 0;
  /** Worst |a − n| / max(|a|, |n|) over entries with max(|a|, |n|) ≥ SIGNIFICANT. */
  entryRelError = 0;
  /** Worst `maxRelError` as the report defines it (entries of any size). */
  reportMaxRelError = 0;
  evaluations = 0;

  add(report: GradientReport): void {
    this.runs++;
    if (!report.pass) this.failures++;
    this.evaluations += report.evaluations;
    this.relativeDifference = Math.max(this.relativeDifference, report.relativeDifference);
    this.reportMaxRelError = Math.max(this.reportMaxRelError, report.maxRelError);
    report.numeric.forEach((n, i) => {
      const a = report.analytic[i];
      const scale = Math.max(Math.abs(a), Math.abs(n));
      if (Number.isNaN(n) || scale < SIGNIFICANT) return;
      this.entryRelError = Math.max(this.entryRelError, Math.abs(a - n) / scale);
    });
  }

  toString(): string {
    const e = (x: number) => x.toExponential(2);
    return `${this.runs} θ, ${this.failures} failed, worst ‖a−n‖/‖a+n‖ ${e(this.relativeDifference)}, worst entry rel error (|a|,|n| ≥ ${SIGNIFICANT}) ${e(this.entryRelError)}, worst report.maxRelError ${e(this.reportMaxRelError)}, ${this.evaluations} evaluations`;
  }
}
