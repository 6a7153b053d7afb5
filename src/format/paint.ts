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
