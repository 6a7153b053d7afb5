/**
 * The one error type gradcheck throws for bad input. Its message is one sentence that names
 * the API and the argument, path or coordinate at fault, e.g.
 * `toHaveGradient: options.at is required (the point θ at which to check)`.
 */
export class GradcheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradcheckError';
  }
}

/** Formats a number for an error message: short, but exact enough to find the value. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return String(Number(x.toPrecision(6)));
}
