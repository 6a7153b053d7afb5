/**
 * The one error type gradcheck throws for bad input. Its message is one sentence that names
 * the API and the argument, path or coordinate at fault, e.g.
 * `toHaveGradient: options.at is required (the point θ at which to check)`.
 *
 * Its stack starts at the caller's line: the frames of gradcheck itself (and of the test
 * runner's `expect` between the caller and gradcheck) are cut off, so that Vitest and Jest show
 * the code frame of the test that passed the bad input rather than one inside gradcheck.
 *
 * @example
 * try {
 *   checkGradient(f, grad, {});
 * } catch (error) {
 *   (error as GradcheckError).stack; // 'GradcheckError: checkGradient: options.at is required …\n    at <your test file>:3:3 …'
 * }
 */
export class GradcheckError extends Error {
  constructor(message: string) {
    // A check calls deep: with V8's default limit of 10 frames, the caller's frame is cut off
    // before it is reached. Capture more, just for this error.
    const limit = stackLimit();
    if (limit !== undefined) setStackLimit(Math.max(limit, DEEP_STACK));
    super(message);
    if (limit !== undefined) setStackLimit(limit);
    this.name = 'GradcheckError';
    if (typeof this.stack === 'string') this.stack = callerStack(this.stack, `${this.name}: ${this.message}`);
  }
}

/** Frames captured for a GradcheckError: enough to get through a check to its caller. */
const DEEP_STACK = 100;

/** `Error.stackTraceLimit` where the engine has one (V8, JavaScriptCore), else undefined. */
function stackLimit(): number | undefined {
  const limit = (Error as { stackTraceLimit?: unknown }).stackTraceLimit;
  return typeof limit === 'number' ? limit : undefined;
}

function setStackLimit(limit: number): void {
  (Error as { stackTraceLimit?: number }).stackTraceLimit = limit;
}

/** A stack line that is a frame: V8's `    at …`, or SpiderMonkey's and JavaScriptCore's `fn@url:line:col`. */
const FRAME = /^\s+at\s|^[^\s]*@.*:\d+:\d+$/;

/**
 * `stack` from the first frame outside gradcheck on: the frames at its top that are gradcheck's
 * own (under `root`) or a dependency's (the runner's `expect`, chai, fast-check between the
 * caller and gradcheck) are dropped, and V8's header is rewritten with the error's final name.
 * A stack with no frame outside them (gradcheck bundled into the caller's own file) is returned
 * unchanged.
 *
 * @example
 * callerStack('Error: m\n    at check (/p/src/api/check.ts:4:9)\n    at /p/test/a.test.ts:3:3', 'GradcheckError: m', '/p/src/');
 * // 'GradcheckError: m\n    at /p/test/a.test.ts:3:3'
 */
export function callerStack(stack: string, header: string, root: string | undefined = ownRoot()): string {
  if (root === undefined) return stack;
  const lines = stack.split('\n');
  const first = lines.findIndex((line) => FRAME.test(line));
  if (first < 0) return stack;
  const frames = lines.slice(first);
  const caller = frames.findIndex((frame) => {
    const file = fileOf(frame);
    return file !== undefined && !file.startsWith(root) && !isDependency(file);
  });
  if (caller < 0) return stack;
  // V8 heads its stacks with the name and message (captured before the name was set);
  // SpiderMonkey and JavaScriptCore give frames only.
  return [...(first > 0 ? [header] : []), ...frames.slice(caller)].join('\n');
}

/** The folder of gradcheck's modules, found once from a frame of this very module. */
let root: string | null | undefined;
function ownRoot(): string | undefined {
  if (root === undefined) {
    const frame = (new Error().stack ?? '').split('\n').find((line) => FRAME.test(line));
    const file = frame === undefined ? undefined : fileOf(frame);
    root = file === undefined ? null : libraryRoot(file);
  }
  return root ?? undefined;
}

/** The file (path or URL, without line, column and query) of one stack frame. */
function fileOf(frame: string): string | undefined {
  const line = frame.trim();
  let location: string;
  if (line.startsWith('at ')) {
    const open = line.lastIndexOf('(');
    location = line.endsWith(')') && open >= 0 ? line.slice(open + 1, -1) : line.slice(3);
  } else {
    location = line.slice(line.indexOf('@') + 1);
  }
  const file = location.replace(/:\d+(:\d+)?$/, '').replace(/\?[^/]*$/, '');
  return file === '' ? undefined : file;
}

/** The folder holding gradcheck's modules, from the file that holds this one. */
function libraryRoot(errorsFile: string): string {
  const sources = /^(.*[/\\])numeric[/\\]errors\.[cm]?[jt]s$/.exec(errorsFile);
  if (sources) return sources[1];
  return errorsFile.slice(0, Math.max(errorsFile.lastIndexOf('/'), errorsFile.lastIndexOf('\\')) + 1);
}

/** Frames of installed packages and of the engine itself. */
function isDependency(file: string): boolean {
  return /[/\\]node_modules[/\\]/.test(file) || file.startsWith('node:') || file === 'native' || file === '<anonymous>';
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

/** The async form of each synchronous check, for the advice of `AsyncFunctionError`. */
const ASYNC_FORMS: Readonly<Record<string, string>> = {
  checkGradient: 'checkGradientAsync',
  checkDerivative: 'checkGradientAsync',
  checkJacobian: 'checkJacobianAsync',
  checkVjp: 'checkVjpAsync',
  checkJvp: 'checkJvpAsync',
  checkHessian: 'checkHessianAsync',
};

/** What to do instead, worded for the API the user called. */
function asyncAdvice(caller: string, who: string): string {
  const asyncForm = ASYNC_FORMS[caller];
  if (asyncForm) {
    const matcher = caller.replace(/^check/, 'toHave');
    return `use ${asyncForm} (or await expect(f).${matcher}(…)) for an async ${who}`;
  }
  if (caller.startsWith('toHave')) return `await expect(f).${caller}(…) for an async ${who}`;
  return `${caller} needs a synchronous ${who}; the async checks (checkGradientAsync, checkJacobianAsync, …) accept an async one`;
}

/**
 * A user function returned a Promise (or another thenable) where a synchronous check needs its
 * value now. One error for f, grad, jac, vjp, jvp, H and options.gradient; its message names
 * the async form of the API that was called, and `who` lets a matcher switch to that form.
 *
 * @example
 * new AsyncFunctionError('checkGradient', 'f').message;
 * // 'checkGradient: f returned a Promise (f must be synchronous); use checkGradientAsync (or await expect(f).toHaveGradient(…)) for an async f'
 */
export class AsyncFunctionError extends GradcheckError {
  constructor(
    /** The public function that was called (`checkGradient`, `toHaveVjp`). */
    readonly caller: string,
    /** The user function that returned the Promise (`f`, `grad`, `vjp`, `options.gradient`). */
    readonly who: string,
  ) {
    super(`${caller}: ${who} returned a Promise (${who} must be synchronous); ${asyncAdvice(caller, who)}`);
  }
}

/** Whether a value is a Promise or another thenable. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Throws `AsyncFunctionError` when a user function returned a thenable. The abandoned Promise
 * gets a no-op rejection handler first: its rejection belongs to no one and must not surface
 * as an unhandled rejection in the test run.
 *
 * @example
 * const value = f(theta);
 * refuseThenable(value, 'checkGradient', 'f'); // throws for an async f
 */
export function refuseThenable(value: unknown, caller: string, who: string): void {
  if (!isThenable(value)) return;
  value.then(undefined, () => {});
  throw new AsyncFunctionError(caller, who);
}
