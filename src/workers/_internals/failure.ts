import { GradcheckError } from '../../numeric/errors.js';
import type { WorkerFailure } from './protocol.js';

/** Which function of which module a pool runs, for messages. */
export interface Target {
  readonly moduleUrl: string;
  readonly exportName: string;
}

/**
 * @internal Turns a failure reported by a worker into the error the caller sees. The user's
 * own exception keeps the worker's stack (their file and line) under a first line naming the
 * module and export; failures to obtain the function are one-sentence `GradcheckError`s.
 */
export function failureToError(failure: WorkerFailure, target: Target): Error {
  const where = `'${target.exportName}' of ${target.moduleUrl}`;
  switch (failure.kind) {
    case 'threw':
      return threwInWorker(failure, where);
    case 'missing-export':
      return new GradcheckError(
        `workerFunction: ${target.moduleUrl} has no export named '${target.exportName}' (it exports ${listExports(failure.exports)}); pass the name of the exported function f(θ)`,
      );
    case 'not-a-function':
      return new GradcheckError(`workerFunction: export ${where} is ${failure.message}, not a function; export f(θ) itself`);
    case 'typescript':
      return new GradcheckError(
        `workerFunction: Node ${process.version} cannot load the TypeScript module ${target.moduleUrl} in a worker thread; install tsx (npm install --save-dev tsx) and gradcheck registers it there, or build the model to .mjs, or use Node ≥ 22.6 with type stripping`,
      );
    case 'tsx-missing':
      return new GradcheckError(
        `workerFunction: options.tsx is true but tsx is not installed where ${target.moduleUrl} or gradcheck can import it; npm install --save-dev tsx`,
      );
    case 'load-failed':
      return withCause(
        new GradcheckError(
          `workerFunction: ${target.moduleUrl} failed to load in a worker thread (${headline(failure)}); check that \`node ${target.moduleUrl}\` loads it on its own`,
        ),
        failure,
      );
  }
}

function threwInWorker(failure: WorkerFailure, where: string): Error {
  const error = new Error(`workerFunction: ${where} threw in a worker thread: ${headline(failure)}`);
  // Keep the worker's frames (the user's file and line) under our first line: the frames of
  // this thread would only show the pool's plumbing.
  const frames = failure.stack.split('\n').filter((line) => /^\s+at /.test(line));
  error.stack = [`Error: ${error.message}`, ...frames].join('\n');
  return withCause(error, failure);
}

function withCause(error: Error, failure: WorkerFailure): Error {
  const original = new Error(failure.message);
  original.name = failure.name || 'Error';
  original.stack = failure.stack || `${original.name}: ${failure.message}`;
  Object.defineProperty(error, 'cause', { value: original, configurable: true, writable: true });
  return error;
}

function headline(failure: WorkerFailure): string {
  return failure.name ? `${failure.name}: ${failure.message}` : failure.message;
}

function listExports(exports: readonly string[] | undefined): string {
  if (!exports || exports.length === 0) return 'nothing';
  return exports.map((name) => `'${name}'`).join(', ');
}
