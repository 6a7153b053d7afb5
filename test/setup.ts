import '../src/vitest.js';
