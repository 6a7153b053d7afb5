import { toBase64 } from './_internals/base64.js';
import { headline } from './_internals/header.js';
import type { PictureReport, PicturesOption } from './input.js';
import { pictureWriter } from './pictureWriter.js';
import { reportSvg } from './reportSvg.js';

/**
 * The part of a matcher's `this` that pictures use. Vitest (4.1 and 5) puts the running test
 * on it as `this.task` (`MatcherState.task`), and the test's context, with `annotate`, on
 * `task.context`; Jest has neither. Typed locally: this file imports no test framework.
 */
interface AnnotatingMatcher {
  readonly isNot?: boolean;
  readonly currentTestName?: string;
  readonly task?: {
    readonly context?: {
      readonly annotate?: (message: string, type?: string, attachment?: { contentType?: string; body?: string }) => unknown;
    };
  };
}

/** What `attachPictures` did. */
export interface PictureOutcome {
  /** The picture was attached to the Vitest test as an annotation. */
  readonly attached: boolean;
  /** Where the picture was written instead (Jest, when a picture writer is registered). */
  readonly path?: string;
}

const NOTHING: PictureOutcome = { attached: false };

/** The annotation's type: Vitest's reporters print it beside the message. */
const ANNOTATION_TYPE = 'gradcheck';

function wanted(matcher: AnnotatingMatcher, pass: boolean, option: PicturesOption): boolean {
  if (option === false) return false;
  if (option === 'always') return true;
  // `pass` is the matcher's own result; under `.not` the runner fails the assertion when it is true.
  return matcher.isNot === true ? pass : !pass;
}

function annotate(matcher: AnnotatingMatcher, report: PictureReport, svg: string): boolean {
  const context = matcher.task?.context;
  if (typeof context?.annotate !== 'function') return false;
  const result = context.annotate(`${headline(report)} (error heatmap)`, ANNOTATION_TYPE, {
    contentType: 'image/svg+xml',
    body: toBase64(svg),
  });
  // The promise is Vitest's to await (it does, before the test ends); ours only silences a
  // second, unhandled copy of a rejection.
  if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, () => {});
  return true;
}

/**
 * Shows a report's picture (`reportSvg`) where the test report can: under Vitest it attaches
 * it to the running test as an annotation with an `image/svg+xml` attachment (Vitest UI and
 * the HTML reporter show it); elsewhere (Jest) it writes it with the registered picture writer,
 * if any, and returns the path. Call it from a matcher with the matcher's `this`, the report,
 * the matcher's `pass`, and the `pictures` option: `'on-failure'` (default: when the assertion
 * fails, `.not` included), `'always'`, or `false`. It never throws and does nothing without a
 * test context.
 *
 * @example
 * // inside a matcher
 * const outcome = attachPictures(this, report, report.pass, options.pictures);
 * outcome.path; // set under Jest with GRADCHECK_PICTURES_DIR: print it in the message
 */
export function attachPictures(
  matcherThis: unknown,
  report: PictureReport,
  pass: boolean,
  option: PicturesOption = 'on-failure',
): PictureOutcome {
  try {
    const matcher = (matcherThis ?? {}) as AnnotatingMatcher;
    if (!wanted(matcher, pass, option)) return NOTHING;
    const writer = pictureWriter();
    const canAnnotate = typeof matcher.task?.context?.annotate === 'function';
    if (!canAnnotate && !writer) return NOTHING;
    const svg = reportSvg(report);
    if (annotate(matcher, report, svg)) return { attached: true };
    const path = writer?.(svg, matcher.currentTestName ?? '');
    return path === undefined ? NOTHING : { attached: false, path };
  } catch {
    // A picture is a courtesy: a runner that refuses it (a test already finished, a custom
    // runner without annotations) must not turn a check's verdict into a crash.
    return NOTHING;
  }
}
