/**
 * `gradcheck/workers`: evaluate f in worker threads. `workerFunction(moduleUrl, exportName,
 * { threads })` is an async f for the async checks (`checkGradientAsync`, … with `concurrency`).
 * piscina is an optional peer dependency: only this entry point imports it.
 */
export { workerFunction } from './workerFunction.js';
export type { WorkerFunction, WorkerFunctionOptions } from './workerFunction.js';
