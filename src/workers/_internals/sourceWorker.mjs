// Used only when gradcheck runs from its TypeScript sources (our own tests and benchmarks):
// a Node 20 worker cannot load worker.ts, and ignores `--import` in its execArgv, so this plain
// module registers tsx (a devDependency of gradcheck) inside the thread, then loads the real
// worker. The published package runs dist/workers-worker.js instead and never comes here.
import { register } from 'tsx/esm/api';

register();
globalThis[Symbol.for('gradcheck.workers.tsxRegistered')] = true;
const { default: runTask } = await import('../worker.ts');
export default runTask;
