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

/**
 * A user function returned NaN or ±∞. One wording for every check and every function (f,
 * options.gradient): which value, which output entry, where θ was, and what to do.
 */
export class NonFiniteError extends GradcheckError {
  /** Whether the value came from θ itself rather than from a moved θ. */
  readonly atTheta: boolean;

  constructor(caller: string, who: string, value: number, entry: string | undefined, site: string) {
    const where = `${entry ? ` in ${entry}` : ''} ${site}`;
    const atTheta = site === 'at θ';
    super(
      atTheta
        ? `${caller}: ${who}(θ) itself is ${formatNumber(value)}${entry ? ` in ${entry}` : ''}: ${who} must be finite at the point checked; choose another point (options.at)`
        : `${caller}: ${who} returned ${formatNumber(value)}${where}; ${who} must be finite in a neighbourhood of θ (choose another point, a smaller step, or bounds for this parameter)`,
    );
    this.atTheta = atTheta;
  }
}
