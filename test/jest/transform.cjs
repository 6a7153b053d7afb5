// A minimal Jest transformer: TypeScript → CommonJS with the TypeScript compiler the project
// already has (types are checked by tsc and `vitest --typecheck`, not here).
const { createHash } = require('node:crypto');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
};

module.exports = {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    return { code: outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(ts.version).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
};
