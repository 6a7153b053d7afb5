/** @internal The message of a `checkGrads` report: one block per check, each its own report's message. */
import type { GradsCheck } from './types.js';

/**
 * A headline (how many checks, how many failed) and, for each check, a line naming it followed
 * by its report's message, indented.
 *
 * @example
 * gradsMessage(checks); // 'checkGrads: 2 of 2 derivative checks of f pass …'
 */
export function gradsMessage(checks: readonly GradsCheck[]): string {
  const failed = checks.filter((c) => !c.report.pass).length;
  const headline =
    failed === 0
      ? `checkGrads: all ${checks.length} derivative checks of f pass (jax-js's own jvp and vjp against finite differences).`
      : `checkGrads: ${failed} of ${checks.length} derivative checks of f fail (jax-js's own jvp and vjp against finite differences).`;
  const blocks = checks.map((c) => {
    const body = c.report.message
      .split('\n')
      .map((line) => (line === '' ? line : `  ${line}`))
      .join('\n');
    return `${c.report.pass ? '✓' : '✗'} ${c.name} (mode '${c.mode}', order ${c.order}):\n${body}`;
  });
  return [headline, ...blocks].join('\n\n');
}
