/** The shared reference problems P1–P7 and the injected bugs B1–B6 (PROBLEMS.md). */
export * from './types.js';
export * from './rosenbrock.js';
export * from './logreg.js';
export * from './ngnn.js';
export * from './mlp.js';
export * from './kink.js';
export * from './largescale.js';
export * from './mlpFloat32.js';
export * from './bugs.js';
