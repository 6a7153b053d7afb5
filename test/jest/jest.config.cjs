// Test files are named *.jest.ts so that Vitest (test/**/*.test.ts) leaves them alone.
// Jest 30 runs gradcheck's matchers against the TypeScript sources, with the package's own
// setup entry (`gradcheck/jest`, mapped to src/jest.ts) registering them, as a user's
// `setupFilesAfterEnv: ['gradcheck/jest']` does. The packed build is tested by scripts/smoke.sh.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/jest/**/*.jest.ts'],
  transform: { '\\.ts$': '<rootDir>/test/jest/transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  moduleNameMapper: {
    '^gradcheck$': '<rootDir>/src/index.ts',
    '^gradcheck/jest$': '<rootDir>/src/jest.ts',
    '^gradcheck/fast-check$': '<rootDir>/src/fast-check/index.ts',
    '^gradcheck/tfjs$': '<rootDir>/src/tfjs/index.ts',
    // Sources import './x.js' (ESM style); the file on disk is './x.ts'.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Jest resolves setup files without moduleNameMapper (`gradcheck/jest` would be the build).
  setupFilesAfterEnv: ['<rootDir>/src/jest.ts'],
  testTimeout: 60_000,
};
