/**
 * gradcheck's layering, stated as data and checked in `npm test` (`npm run lint:layers`).
 * Data flows one way: numeric → check → format / pictures → api, matchers and adapters.
 * See docs/architecture.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere in src/.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'numeric-imports-nothing-of-ours',
      severity: 'error',
      comment: 'src/numeric is the finite-difference core: it imports nothing of ours outside itself.',
      from: { path: '^src/numeric/' },
      to: { path: '^src/', pathNot: '^src/numeric/' },
    },
    {
      name: 'check-never-imports-presentation-or-frameworks',
      severity: 'error',
      comment:
        'src/check (settings → measure → judge → guards → diagnose → report) returns plain data: it never imports format, pictures, the public api layer, matchers or adapters.',
      from: { path: '^src/check/' },
      to: { path: '^src/(format|pictures|api|matchers|fast-check|tfjs|jaxjs|workers|adapters)/|^src/(index|vitest|jest)\\.ts$' },
    },
    {
      name: 'check-never-imports-the-runtime',
      severity: 'error',
      comment:
        'src/check reads where it runs through the Runtime interface (check/timeAndProgress/runtime.ts) that the entry points provide; it never imports src/runtime (Vitest internals, the terminal).',
      from: { path: '^src/check/' },
      to: { path: '^src/runtime/' },
    },
    {
      name: 'check-knows-no-test-framework',
      severity: 'error',
      comment: 'The numeric core and the checks know no test framework and no optional peer.',
      from: { path: '^src/(numeric|check|format|pictures)/' },
      to: { path: '(^|/)node_modules/(vitest|@vitest|expect|jest|@jest|fast-check|@tensorflow|@jax-js)/' },
    },
    {
      name: 'renderers-read-report-types-only',
      severity: 'error',
      comment: 'format and pictures render any report from its data: from src/check they import types only.',
      from: { path: '^src/(format|pictures)/' },
      to: { path: '^src/check/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderers-stay-below-the-api',
      severity: 'error',
      comment: 'format and pictures never reach up into the api layer, the matchers or the adapters.',
      from: { path: '^src/(format|pictures)/' },
      to: { path: '^src/(api|matchers|fast-check|tfjs|jaxjs|workers|adapters)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
