/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.cjs'],
  setupFilesAfterEnv: ['gradcheck/jest'],
};
